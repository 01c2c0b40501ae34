"""Baseline for the TagCompliance benchmark: the minimal boto3 loop a user would write.

Pages GetResources (100 per page) and checks each resource for the four required keys in their exact
spelling. Prints one JSON line with the counts and the process's peak memory.
"""
import json
import os
import resource

import boto3

REQUIRED = ("Environment", "Project", "Team", "CostCenter")

client = boto3.client(
    "resourcegroupstaggingapi",
    endpoint_url=os.environ["WAOPS_BENCH_ENDPOINT"],
    region_name="us-east-1",
    aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"],
    aws_secret_access_key=os.environ["AWS_SECRET_ACCESS_KEY"],
)
resources = 0
non_compliant = 0
calls = 0
for page in client.get_paginator("get_resources").paginate(ResourcesPerPage=100):
    calls += 1
    for mapping in page["ResourceTagMappingList"]:
        resources += 1
        keys = {tag["Key"] for tag in mapping.get("Tags", [])}
        if any(key not in keys for key in REQUIRED):
            non_compliant += 1

peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"Resources": resources, "NonCompliant": non_compliant, "PeakMemoryMB": round(peak_mb, 1), "ApiCalls": {"GetResources": calls}}))
