"""Seeds what Invoke-WAIdleCleanup's tests and benchmark read: resources of every kind the idle criteria judge,
tagged in and out of scope, with daily CloudWatch datapoints seeded in bulk (PutMetricData, request compression off:
moto 5.2.1 answers HTTP 500 to gzip-compressed bodies).

usage: idle.py scenario                 one of each case (idle, busy, no data, production, excluded, protected, ...)
       idle.py instances <count> [<busy-every>]
                                        <count> running dev instances with 14 days of CPU and network data; every
                                        <busy-every>-th one is busy (default: none)
       idle.py metrics <json>           puts the datapoints described by <json> ([{namespace, metric, dimension,
                                        value, days}]) for the last <days> days

Datapoints sit at noon UTC of each of the last N days (yesterday first), so each falls in one daily period of
a window that ends at today's midnight. Prints the ids it created as JSON.
"""
import datetime
import json
import sys

from waops_seed import client, emit

DEV = [{"Key": "Environment", "Value": "dev"}]
NOON = datetime.datetime.now(datetime.timezone.utc).replace(hour=12, minute=0, second=0, microsecond=0)


def days_back(days):
    return [NOON - datetime.timedelta(days=d) for d in range(1, days + 1)]


class Metrics:
    """Collects datapoints and puts them 1,000 to a call (PutMetricData's limit), one namespace per call."""

    def __init__(self):
        self.cloudwatch = client("cloudwatch")
        self.pending = {}

    def add(self, namespace, metric, dimension, value, days, statistic=False):
        name, dim_value = dimension
        for timestamp in days_back(days):
            datum = {"MetricName": metric, "Dimensions": [{"Name": name, "Value": dim_value}], "Timestamp": timestamp}
            if statistic:
                # One aggregated datapoint per day, like CloudWatch's own 5-minute samples summed up.
                datum["StatisticValues"] = {"SampleCount": 288, "Sum": value * 288, "Minimum": value, "Maximum": value}
            else:
                datum["Value"] = value
            self.pending.setdefault(namespace, []).append(datum)

    def flush(self):
        for namespace, data in self.pending.items():
            for start in range(0, len(data), 1000):
                self.cloudwatch.put_metric_data(Namespace=namespace, MetricData=data[start:start + 1000])
        self.pending = {}


def tags(environment=None, **more):
    result = [] if environment is None else [{"Key": "Environment", "Value": environment}]
    result.extend({"Key": k.replace("__", ":").replace("_", "-"), "Value": v} for k, v in more.items())
    return result


def ami_id(ec2):
    return ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]


def run_instance(ec2, ami, tag_list, instance_type="t3.micro"):
    spec = [{"ResourceType": "instance", "Tags": tag_list}] if tag_list else []
    return ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1, InstanceType=instance_type, TagSpecifications=spec)["Instances"][0]["InstanceId"]


def instance_metrics(metrics, instance_id, cpu, network_bytes, days=14):
    metrics.add("AWS/EC2", "CPUUtilization", ("InstanceId", instance_id), cpu, days, statistic=True)
    metrics.add("AWS/EC2", "NetworkIn", ("InstanceId", instance_id), network_bytes / 2, days)
    metrics.add("AWS/EC2", "NetworkOut", ("InstanceId", instance_id), network_bytes / 2, days)


def scenario():
    ec2, elb, rds = client("ec2"), client("elbv2"), client("rds")
    metrics = Metrics()
    ami = ami_id(ec2)
    out = {"instances": {}, "volumes": {}, "addresses": {}, "nat": {}, "lb": {}, "db": {}, "snapshots": {}, "images": {}}
    idle_cpu, idle_net, busy_cpu = 2.0, 1_000_000, 60.0

    # EC2 instances ------------------------------------------------------------------------------------------------
    cases = {
        "idle": (tags("dev", Name="idle-box"), idle_cpu),
        "busy": (tags("dev"), busy_cpu),
        "nodata": (tags("dev"), None),
        "prod": (tags("Prod "), idle_cpu),
        "keep": (tags("dev", waops__keep="true"), idle_cpu),
        "protected": (tags("dev", waops__protect_until="2099-12-31"), idle_cpu),
        "untagged": ([], idle_cpu),
        "stopped": (tags("dev"), None),
    }
    for name, (tag_list, cpu) in cases.items():
        instance_id = run_instance(ec2, ami, tag_list)
        out["instances"][name] = instance_id
        if cpu is not None:
            instance_metrics(metrics, instance_id, cpu, idle_net)
    ec2.stop_instances(InstanceIds=[out["instances"]["stopped"]])

    # EBS volumes --------------------------------------------------------------------------------------------------
    def volume(tag_list, size=10):
        spec = [{"ResourceType": "volume", "Tags": tag_list}] if tag_list else []
        return ec2.create_volume(AvailabilityZone="us-east-1a", Size=size, VolumeType="gp3", TagSpecifications=spec)["VolumeId"]

    out["volumes"]["idle"] = volume(tags("dev", Name="scratch"))
    out["volumes"]["prod"] = volume(tags("production"))
    out["volumes"]["attached"] = volume(tags("dev"))
    ec2.attach_volume(VolumeId=out["volumes"]["attached"], InstanceId=out["instances"]["busy"], Device="/dev/sdf")

    # Elastic IPs --------------------------------------------------------------------------------------------------
    def address(tag_list):
        spec = [{"ResourceType": "elastic-ip", "Tags": tag_list}] if tag_list else []
        return ec2.allocate_address(Domain="vpc", TagSpecifications=spec)["AllocationId"]

    out["addresses"]["free"] = address(tags("dev"))
    out["addresses"]["running"] = address(tags("dev"))
    ec2.associate_address(AllocationId=out["addresses"]["running"], InstanceId=out["instances"]["busy"])
    out["addresses"]["stopped"] = address(tags("dev"))
    ec2.associate_address(AllocationId=out["addresses"]["stopped"], InstanceId=out["instances"]["stopped"])

    # NAT gateways (30 days of byte counts) --------------------------------------------------------------------------
    subnets = ec2.describe_subnets()["Subnets"]
    for name, bytes_per_day in (("idle", 0.0), ("busy", 5_000_000.0)):
        allocation = address(tags("dev"))
        gateway = ec2.create_nat_gateway(SubnetId=subnets[0]["SubnetId"], AllocationId=allocation,
                                         TagSpecifications=[{"ResourceType": "natgateway", "Tags": tags("dev")}])["NatGateway"]["NatGatewayId"]
        out["nat"][name] = gateway
        for metric in ("BytesInFromSource", "BytesInFromDestination"):
            metrics.add("AWS/NATGateway", metric, ("NatGatewayId", gateway), bytes_per_day, 30)

    # Load balancers ------------------------------------------------------------------------------------------------
    vpc = subnets[0]["VpcId"]
    two_subnets = [s["SubnetId"] for s in subnets if s["VpcId"] == vpc][:2]
    # Traffic decides: moto's load balancers are created today, so each gets a datapoint on every day of the 7-day
    # window (zeros for the empty one, which has no target group).
    for name, requests, processed, targets in (("empty", 0.0, 0.0, False), ("busy", 5000.0, 4e7, True), ("quiet", 10.0, 20000.0, True)):
        balancer = elb.create_load_balancer(Name=f"waops-{name}", Subnets=two_subnets, Tags=tags("dev"))["LoadBalancers"][0]
        out["lb"][name] = balancer["LoadBalancerArn"]
        if targets:
            group = elb.create_target_group(Name=f"waops-{name}-tg", Protocol="HTTP", Port=80, VpcId=vpc)["TargetGroups"][0]["TargetGroupArn"]
            elb.create_listener(LoadBalancerArn=balancer["LoadBalancerArn"], Protocol="HTTP", Port=80, DefaultActions=[{"Type": "forward", "TargetGroupArn": group}])
            elb.register_targets(TargetGroupArn=group, Targets=[{"Id": out["instances"]["busy"]}])
        dimension = balancer["LoadBalancerArn"].split(":loadbalancer/")[1]
        metrics.add("AWS/ApplicationELB", "RequestCount", ("LoadBalancer", dimension), requests, 7)
        metrics.add("AWS/ApplicationELB", "ProcessedBytes", ("LoadBalancer", dimension), processed, 7)

    # RDS (7 days of connection counts) ----------------------------------------------------------------------------
    for name, connections, protected in (("idle", 0.0, False), ("busy", 5.0, False), ("protected", 0.0, True)):
        identifier = f"waops-{name}-db"
        rds.create_db_instance(DBInstanceIdentifier=identifier, DBInstanceClass="db.t3.micro", Engine="postgres", MasterUsername="admin",
                               MasterUserPassword="password123", AllocatedStorage=20, DeletionProtection=protected, Tags=tags("dev"))
        out["db"][name] = identifier
        metrics.add("AWS/RDS", "DatabaseConnections", ("DBInstanceIdentifier", identifier), connections, 7, statistic=True)

    # Snapshots -----------------------------------------------------------------------------------------------------
    out["snapshots"]["orphan"] = ec2.create_snapshot(VolumeId=out["volumes"]["attached"], TagSpecifications=[{"ResourceType": "snapshot", "Tags": tags("dev")}])["SnapshotId"]
    image = ec2.create_image(InstanceId=out["instances"]["busy"], Name="waops-image")["ImageId"]
    out["images"]["used"] = image
    # moto registers the image with a snapshot of its own making; that snapshot is the one the AMI uses.
    used = ec2.describe_images(ImageIds=[image])["Images"][0]["BlockDeviceMappings"][0]["Ebs"]["SnapshotId"]
    ec2.create_tags(Resources=[used], Tags=tags("dev"))
    out["snapshots"]["used"] = used

    metrics.flush()
    emit(out)


def instances(count, busy_every):
    ec2 = client("ec2")
    metrics = Metrics()
    ami = ami_id(ec2)
    created = []
    for start in range(0, count, 500):
        batch = min(500, count - start)
        reservation = ec2.run_instances(ImageId=ami, MinCount=batch, MaxCount=batch, InstanceType="t3.micro",
                                        TagSpecifications=[{"ResourceType": "instance", "Tags": DEV}])
        created.extend(i["InstanceId"] for i in reservation["Instances"])
    for index, instance_id in enumerate(created):
        busy = busy_every > 0 and index % busy_every == 0
        instance_metrics(metrics, instance_id, 60.0 if busy else 2.0, 1_000_000)
    metrics.flush()
    emit({"Instances": len(created), "Busy": sum(1 for i in range(len(created)) if busy_every > 0 and i % busy_every == 0)})


def put_metrics(spec):
    metrics = Metrics()
    for item in json.loads(spec):
        metrics.add(item["namespace"], item["metric"], (item["dimension"][0], item["dimension"][1]), float(item["value"]), int(item["days"]),
                    statistic=item.get("statistic", False))
    metrics.flush()
    emit({"ok": True})


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "scenario":
        scenario()
    elif command == "instances":
        instances(int(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 0)
    elif command == "metrics":
        put_metrics(sys.argv[2])
    else:
        sys.exit(f"unknown command {command}")
