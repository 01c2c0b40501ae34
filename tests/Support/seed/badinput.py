"""Seeds the bad-input catalogue's account: one thing of every kind a WAOps command could change, in us-east-1 (where
the catalogue's commands run), so that tests/Support/seed/state.py has something to read back for each kind.

Prints {"Database": <RDS ARN with mis-cased tags>, "Topic": <topic ARN>, "Queue": <queue ARN subscribed to the topic>}.
"""
from waops_seed import client, emit

TAGS = [{"Key": "environment", "Value": "dev"}, {"Key": "Project", "Value": "shop"}]


def seed():
    rds, sns, sqs, ec2, cw, budgets = (client(s) for s in ("rds", "sns", "sqs", "ec2", "cloudwatch", "budgets"))
    database = rds.create_db_instance(DBInstanceIdentifier="orders-db", DBInstanceClass="db.t3.micro", Engine="postgres", MasterUsername="admin",
                                      MasterUserPassword="password123", AllocatedStorage=20, Tags=TAGS)["DBInstance"]["DBInstanceArn"]
    topic = sns.create_topic(Name="alerts", Tags=[{"Key": "Project", "Value": "shop"}])["TopicArn"]
    url = sqs.create_queue(QueueName="alerts-inbox", tags={"Project": "shop"})["QueueUrl"]
    queue = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    sns.subscribe(TopicArn=topic, Protocol="sqs", Endpoint=queue)
    volume = ec2.create_volume(AvailabilityZone="us-east-1a", Size=1, TagSpecifications=[{"ResourceType": "volume", "Tags": TAGS}])["VolumeId"]
    ec2.create_snapshot(VolumeId=volume, TagSpecifications=[{"ResourceType": "snapshot", "Tags": TAGS}])
    ec2.allocate_address(Domain="vpc", TagSpecifications=[{"ResourceType": "elastic-ip", "Tags": TAGS}])
    cw.put_metric_alarm(AlarmName="WAOps-shop-dev-orders-db-CPUUtilization", Namespace="AWS/RDS", MetricName="CPUUtilization", Statistic="Average",
                        Period=60, EvaluationPeriods=5, Threshold=90, ComparisonOperator="GreaterThanThreshold",
                        Dimensions=[{"Name": "DBInstanceIdentifier", "Value": "orders-db"}], AlarmActions=[topic])
    cw.put_dashboard(DashboardName="shop-dev", DashboardBody='{"widgets":[]}')
    budgets.create_budget(AccountId="123456789012",
                          Budget={"BudgetName": "shop", "BudgetLimit": {"Amount": "100", "Unit": "USD"}, "TimeUnit": "MONTHLY", "BudgetType": "COST",
                                  "CostFilters": {"TagKeyValue": ["user:Project$shop"]}},
                          NotificationsWithSubscribers=[{"Notification": {"NotificationType": "ACTUAL", "ComparisonOperator": "GREATER_THAN", "Threshold": 100,
                                                                          "ThresholdType": "PERCENTAGE"},
                                                         "Subscribers": [{"SubscriptionType": "EMAIL", "Address": "ops@example.com"}]}])
    emit({"Database": database, "Topic": topic, "Queue": queue})


if __name__ == "__main__":
    seed()
