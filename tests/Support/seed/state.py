"""Reads back everything a WAOps cmdlet could change, as one sorted JSON document, so a test can prove that a call
changed nothing (bad input) by comparing the document before and after. Read-only: it never writes to moto.

Usage: state.py [--serve] [region ...]   (default us-east-1 eu-west-1; Budgets is global)
With --serve it stays up and writes one reading (one JSON line) per line read from stdin, so a test that reads state
after every case pays for Python, boto3 and the clients once.
Covers budgets with their notifications, SNS topics (attributes that a cmdlet may set) and subscriptions,
SQS message counts (a published notification lands in a subscribed queue), CloudWatch alarms and dashboards, EC2
instances, volumes, own snapshots, addresses and NAT gateways, RDS instances and snapshots, load balancers, and every tag the
Resource Groups Tagging API knows.
"""
import sys

from waops_seed import client, emit

ACCOUNT = "123456789012"


def tags(items, key="Key", value="Value"):
    return sorted(f"{t[key]}={t[value]}" for t in items or [])


def budgets():
    api = cached("budgets", "us-east-1")
    out = []
    for budget in api.describe_budgets(AccountId=ACCOUNT).get("Budgets", []):
        name = budget["BudgetName"]
        alerts = []
        # moto 5.2.1 has no DescribeSubscribersForNotification (HTTP 500), so subscribers are not read back; WAOps adds
        # them only together with writes that show up here (a new budget or notification).
        for note in api.describe_notifications_for_budget(AccountId=ACCOUNT, BudgetName=name).get("Notifications", []):
            alerts.append(f"{note['NotificationType']} {note['ComparisonOperator']} {note['Threshold']} {note.get('ThresholdType')}")
        out.append({"name": name, "limit": budget.get("BudgetLimit"), "filters": budget.get("CostFilters"), "alerts": sorted(alerts)})
    return sorted(out, key=lambda b: b["name"])


_CLIENTS = {}


def cached(service, region):
    if (service, region) not in _CLIENTS:
        _CLIENTS[(service, region)] = client(service, region)
    return _CLIENTS[(service, region)]


def regional(region):
    sns, sqs, cw, ec2, rds, elb, tagging = (cached(s, region) for s in ("sns", "sqs", "cloudwatch", "ec2", "rds", "elbv2", "resourcegroupstaggingapi"))
    state = {}
    topics = []
    for topic in sns.list_topics().get("Topics", []):
        attributes = sns.get_topic_attributes(TopicArn=topic["TopicArn"])["Attributes"]
        topics.append({k: attributes.get(k) for k in ("TopicArn", "Policy", "KmsMasterKeyId", "DisplayName")})
    state["topics"] = sorted(topics, key=lambda t: t["TopicArn"])
    state["subscriptions"] = sorted(f"{s['TopicArn']} {s['Protocol']} {s['Endpoint']}" for s in sns.list_subscriptions().get("Subscriptions", []))
    queues = []
    for url in sqs.list_queues().get("QueueUrls", []):
        count = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["ApproximateNumberOfMessages"])["Attributes"]["ApproximateNumberOfMessages"]
        queues.append(f"{url.rsplit('/', 1)[-1]} {count}")
    state["queues"] = sorted(queues)
    state["alarms"] = sorted(f"{a['AlarmName']} {a.get('Threshold')} {sorted(a.get('AlarmActions', []))}" for a in cw.describe_alarms().get("MetricAlarms", []))
    state["dashboards"] = sorted(f"{d['DashboardName']} {cw.get_dashboard(DashboardName=d['DashboardName'])['DashboardBody']}" for d in cw.list_dashboards().get("DashboardEntries", []))
    state["instances"] = sorted(f"{i['InstanceId']} {i['State']['Name']} {tags(i.get('Tags'))}"
                                for r in ec2.describe_instances().get("Reservations", []) for i in r["Instances"])
    state["volumes"] = sorted(f"{v['VolumeId']} {v['State']} {tags(v.get('Tags'))}" for v in ec2.describe_volumes().get("Volumes", []))
    # moto's OwnerIds=self also returns the snapshots of its built-in AMIs; only the account's own count.
    state["snapshots"] = sorted(f"{s['SnapshotId']} {tags(s.get('Tags'))}" for s in ec2.describe_snapshots(OwnerIds=["self"]).get("Snapshots", []) if s.get("OwnerId") == ACCOUNT)
    state["addresses"] = sorted(f"{a['AllocationId']} {a.get('AssociationId')} {tags(a.get('Tags'))}" for a in ec2.describe_addresses().get("Addresses", []))
    state["databases"] = sorted(f"{d['DBInstanceIdentifier']} {d['DBInstanceStatus']} {tags(d.get('TagList'))}" for d in rds.describe_db_instances().get("DBInstances", []))
    state["dbSnapshots"] = sorted(s["DBSnapshotIdentifier"] for s in rds.describe_db_snapshots().get("DBSnapshots", []))
    state["natGateways"] = sorted(f"{n['NatGatewayId']} {n['State']}" for n in ec2.describe_nat_gateways().get("NatGateways", []))
    state["loadBalancers"] = sorted(b["LoadBalancerName"] for b in elb.describe_load_balancers().get("LoadBalancers", []))
    state["tags"] = sorted(f"{r['ResourceARN']} {tags(r.get('Tags'))}" for r in tagging.get_resources().get("ResourceTagMappingList", []))
    return state


def reading(regions):
    return {"budgets": budgets(), "regions": {region: regional(region) for region in regions}}


if __name__ == "__main__":
    serve = "--serve" in sys.argv
    regions = [a for a in sys.argv[1:] if a != "--serve"] or ["us-east-1", "eu-west-1"]
    if not serve:
        emit(reading(regions))
    else:
        for _ in sys.stdin:
            emit(reading(regions))
            sys.stdout.flush()
