"""Baseline of the Dashboard benchmark: what a boto3 script written for the job does, the way users write it.

It finds the resources tagged Project/Environment with GetResources, builds the same alarms New-WADashboard builds for
SQS queues, SNS topics, Lambda functions and DynamoDB tables (AWS's recommended alarms from the CSV the module ships,
with the same chosen thresholds), builds dashboards with the same graphs (split at 500 widgets / 2,500 metrics), and
writes only what differs: GetDashboard then PutDashboard, DescribeAlarms then PutMetricAlarm. Then it runs again.
Calls are sequential, as such scripts are. Prints one JSON line: the first run's API calls and, in Extra, each run's
time, the second run's calls and its write calls.

usage: dashboards.py --project P --environment E --csv path/to/recommended-alarms.csv
       (endpoint and region from WAOPS_SEED_ENDPOINT and WAOPS_SEED_REGION)
"""
import argparse
import collections
import csv
import json
import os
import sys
import time

import boto3
from botocore.config import Config

ENDPOINT = os.environ["WAOPS_SEED_ENDPOINT"]
REGION = os.environ.get("WAOPS_SEED_REGION", "us-east-1")
if not ENDPOINT.startswith("http://127.0.0.1"):
    sys.exit("WAOPS_SEED_ENDPOINT must name a local moto server.")

THRESHOLDS = {
    "AWS/SQS/ApproximateAgeOfOldestMessage": 600, "AWS/SQS/ApproximateNumberOfMessagesVisible": 1000,
    "AWS/SQS/ApproximateNumberOfMessagesNotVisible": 1000, "AWS/Lambda/Errors": 5, "AWS/Lambda/Throttles": 1,
    "AWS/Lambda/Duration": 3000, "AWS/Lambda/ConcurrentExecutions": 500,
}
KINDS = {  # tagging type -> (namespace, dimension, section, graphs as (title, [(metric, stat, label)]))
    "sqs": ("AWS/SQS", "QueueName", "Amazon SQS", [
        ("Messages", [("NumberOfMessagesSent", "Sum", "Sent"), ("NumberOfMessagesReceived", "Sum", "Received"), ("NumberOfMessagesDeleted", "Sum", "Deleted")]),
        ("Backlog", [("ApproximateNumberOfMessagesVisible", "Maximum", "Visible"), ("ApproximateNumberOfMessagesNotVisible", "Maximum", "In flight")]),
        ("Age of oldest message (s)", [("ApproximateAgeOfOldestMessage", "Maximum", "Oldest")])]),
    "sns": ("AWS/SNS", "TopicName", "Amazon SNS", [
        ("Published and delivered", [("NumberOfMessagesPublished", "Sum", "Published"), ("NumberOfNotificationsDelivered", "Sum", "Delivered")]),
        ("Failed deliveries", [("NumberOfNotificationsFailed", "Sum", "Failed"), ("NumberOfNotificationsFilteredOut-InvalidAttributes", "Sum", "Filtered out"),
                               ("NumberOfNotificationsRedrivenToDlq", "Sum", "Redriven to DLQ")])]),
    "lambda": ("AWS/Lambda", "FunctionName", "AWS Lambda", [
        ("Invocations", [("Invocations", "Sum", "Invocations")]),
        ("Errors and throttles", [("Errors", "Sum", "Errors"), ("Throttles", "Sum", "Throttles")]),
        ("Duration (ms)", [("Duration", p, p) for p in ("p50", "p90", "p99")]),
        ("Concurrent executions", [("ConcurrentExecutions", "Maximum", "ConcurrentExecutions")])]),
    "dynamodb": ("AWS/DynamoDB", "TableName", "Amazon DynamoDB", [
        ("Consumed capacity", [("ConsumedReadCapacityUnits", "Sum", "Read"), ("ConsumedWriteCapacityUnits", "Sum", "Write")]),
        ("Throttle events", [("ReadThrottleEvents", "Sum", "Read"), ("WriteThrottleEvents", "Sum", "Write")]),
        ("Request latency (ms)", [("SuccessfulRequestLatency", "Average", op) for op in ("GetItem", "PutItem", "Query")]),
        ("System errors", [("SystemErrors", "Sum", op) for op in ("GetItem", "PutItem", "Query")])]),
}
calls = collections.Counter()


def client(service):
    c = boto3.client(service, endpoint_url=ENDPOINT, region_name=REGION, config=Config(retries={"max_attempts": 6, "mode": "standard"}))
    c.meta.events.register("before-call", lambda model, **_: calls.update([f"{service}:{model.name}"]))
    return c


def discover(tagging, project, environment):
    found = []
    for page in tagging.get_paginator("get_resources").paginate(
            TagFilters=[{"Key": "Project", "Values": [project]}, {"Key": "Environment", "Values": [environment]}],
            ResourceTypeFilters=["sqs", "sns", "lambda:function", "dynamodb:table"], ResourcesPerPage=100):
        for mapping in page["ResourceTagMappingList"]:
            arn = mapping["ResourceARN"]
            kind = arn.split(":")[2]
            name = arn.split(":")[-1].split("/")[-1] if kind != "lambda" else arn.split(":")[6]
            found.append((kind, name, arn))
    return sorted(found)


def wanted_alarms(resources, rows, workload):
    alarms = {}
    for kind, name, arn in resources:
        namespace, dimension = KINDS[kind][0], KINDS[kind][1]
        for row in rows:
            if row["namespace"] != namespace or row["dimensions"] != dimension:
                continue
            key = f"{namespace}/{row['metric']}"
            threshold = THRESHOLDS.get(key, float(row["static_threshold"]) if row["static_threshold"] else None)
            if threshold is None:
                continue
            alarm_name = f"Baseline-{workload}-{kind}-{name}-{row['metric']}"
            stat = row["statistic"]
            alarm = {
                "AlarmName": alarm_name, "AlarmDescription": f"AWS recommended alarm for {arn}.", "ActionsEnabled": True,
                "Namespace": namespace, "MetricName": row["metric"], "Dimensions": [{"Name": dimension, "Value": name}],
                "Period": int(row["period_s"]), "EvaluationPeriods": int(row["evaluation_periods"]),
                "DatapointsToAlarm": int(row["datapoints_to_alarm"]), "Threshold": float(threshold),
                "ComparisonOperator": row["comparison"], "TreatMissingData": row["treat_missing_data"],
            }
            alarm["ExtendedStatistic" if stat.startswith("p") else "Statistic"] = stat
            alarms[alarm_name] = alarm
    return alarms


def dashboards(resources, workload):
    parts, widgets, metrics, y = [], [], 0, 0
    def close():
        nonlocal widgets, metrics, y
        parts.append(widgets)
        widgets, metrics, y = [], 0, 0
    last = None
    for kind, name, _ in resources:
        namespace, dimension, section, graphs = KINDS[kind]
        lines = sum(len(g[1]) for g in graphs)
        if len(widgets) + len(graphs) + 2 > 500 or metrics + lines > 2500:
            close()
            last = None
        if not widgets:
            widgets.append({"type": "text", "x": 0, "y": 0, "width": 24, "height": 5, "properties": {"markdown": f"# {workload}"}})
            y = 5
        if kind != last:
            widgets.append({"type": "text", "x": 0, "y": y, "width": 24, "height": 1, "properties": {"markdown": f"## {section}"}})
            y += 1
            last = kind
        width = 24 // len(graphs) if len(graphs) > 2 else 12
        for i, (title, series) in enumerate(graphs):
            rows = [[namespace, metric, dimension, name] + (["Operation", label] if kind == "dynamodb" and metric in ("SuccessfulRequestLatency", "SystemErrors") else [])
                    + [{"stat": stat, "label": label}] for metric, stat, label in series]
            widgets.append({"type": "metric", "x": i * width, "y": y, "width": width, "height": 6, "properties": {
                "title": f"{name}: {title}", "view": "timeSeries", "stacked": False, "region": REGION, "period": 60, "metrics": rows}})
            metrics += len(rows)
        y += 6
    if widgets:
        close()
    return {workload if i == 0 else f"{workload}-{i + 1}": json.dumps({"widgets": w}, separators=(",", ":")) for i, w in enumerate(parts)}


def run(args, rows):
    start = time.perf_counter()
    calls.clear()
    tagging, cloudwatch = client("resourcegroupstaggingapi"), client("cloudwatch")
    workload = f"{args.project}-{args.environment}"
    resources = discover(tagging, args.project, args.environment)
    wanted = wanted_alarms(resources, rows, workload)
    existing = {a["AlarmName"]: a for page in cloudwatch.get_paginator("describe_alarms").paginate(AlarmNamePrefix=f"Baseline-{workload}-", MaxRecords=100)
                for a in page["MetricAlarms"]}
    for name, alarm in wanted.items():
        current = existing.get(name)
        if current is None or any(current.get(k) != v for k, v in alarm.items() if k != "ActionsEnabled"):
            cloudwatch.put_metric_alarm(**alarm, **({"Tags": [{"Key": "ManagedBy", "Value": "baseline"}]} if current is None else {}))
    for name, body in dashboards(resources, workload).items():
        try:
            current = cloudwatch.get_dashboard(DashboardName=name)["DashboardBody"]
        except cloudwatch.exceptions.ResourceNotFound:
            current = None
        if current is None or json.loads(current) != json.loads(body):
            cloudwatch.put_dashboard(DashboardName=name, DashboardBody=body)
    return round((time.perf_counter() - start) * 1000), dict(sorted(calls.items()))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--project", required=True)
    parser.add_argument("--environment", required=True)
    parser.add_argument("--csv", required=True)
    arguments = parser.parse_args()
    with open(arguments.csv, newline="") as handle:
        catalog = list(csv.DictReader(handle))
    apply_ms, apply_calls = run(arguments, catalog)
    rerun_ms, rerun_calls = run(arguments, catalog)
    writes = sum(n for k, n in rerun_calls.items() if k.split(":")[1].startswith(("Put", "Delete", "Tag")))
    print(json.dumps({"ApiCalls": apply_calls, "Extra": {"ApplyMs": apply_ms, "RerunMs": rerun_ms, "RerunApiCalls": rerun_calls, "RerunWrites": writes}}))
