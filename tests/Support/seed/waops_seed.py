"""Shared helpers for the seeding scripts: boto3 clients pointed at the moto endpoint the caller names.

Every client gets the explicit endpoint from WAOPS_SEED_ENDPOINT and dummy credentials; nothing here can
reach real AWS. Request compression is off because moto 5.2.1 answers HTTP 500 to gzip-compressed
PutMetricData bodies, which boto3 sends by default.
"""
import json
import os
import sys

import boto3
from botocore.config import Config

ENDPOINT = os.environ.get("WAOPS_SEED_ENDPOINT")
REGION = os.environ.get("WAOPS_SEED_REGION", "us-east-1")

if not ENDPOINT or not ENDPOINT.startswith("http://127.0.0.1"):
    sys.exit("WAOPS_SEED_ENDPOINT must name a local moto server (http://127.0.0.1:<port>).")

_CONFIG = Config(disable_request_compression=True, retries={"max_attempts": 3, "mode": "standard"})


def client(service, region=None, access_key=None, secret_key=None):
    return boto3.client(
        service,
        endpoint_url=ENDPOINT,
        region_name=region or REGION,
        aws_access_key_id=access_key or os.environ.get("AWS_ACCESS_KEY_ID", "testing"),
        aws_secret_access_key=secret_key or os.environ.get("AWS_SECRET_ACCESS_KEY", "testing"),
        config=_CONFIG,
    )


def emit(value):
    """Prints the seeding result as JSON for the calling test."""
    json.dump(value, sys.stdout, default=str)
    sys.stdout.write("\n")
