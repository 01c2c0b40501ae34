"""Seeds what the foundation's protocol tests read back.

usage: foundation.py rds-instances <count>
       foundation.py guardduty-detector
       foundation.py sqs-tagged <count>
       foundation.py iam-user <name>      (creates a user with an admin policy and an access key; prints the key)
       foundation.py assumed-role <name> <access key> <secret key>
                                          (as that user, creates a role allowed everything and assumes it; prints the
                                           temporary credentials)
"""
import sys

from waops_seed import client, emit


def rds_instances(count):
    rds = client("rds")
    ids = []
    for i in range(count):
        identifier = f"waops-db-{i:03d}"
        rds.create_db_instance(
            DBInstanceIdentifier=identifier,
            DBInstanceClass="db.t3.micro",
            Engine="postgres",
            MasterUsername="admin",
            MasterUserPassword="password123",
            AllocatedStorage=20,
            MultiAZ=(i % 2 == 0),
            StorageEncrypted=(i % 2 == 0),
            Tags=[{"Key": "Project", "Value": "waops"}, {"Key": "Index", "Value": str(i)}],
        )
        ids.append(identifier)
    emit({"DBInstanceIdentifiers": ids})


def guardduty_detector():
    detector = client("guardduty").create_detector(Enable=True)
    emit({"DetectorId": detector["DetectorId"]})


def sqs_tagged(count):
    sqs = client("sqs")
    urls = [sqs.create_queue(QueueName=f"waops-q-{i:05d}", tags={"Project": "waops"})["QueueUrl"] for i in range(count)]
    emit({"QueueUrls": urls})


def iam_user(name):
    iam = client("iam")
    iam.create_user(UserName=name)
    iam.put_user_policy(
        UserName=name,
        PolicyName="everything",
        PolicyDocument='{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}',
    )
    key = iam.create_access_key(UserName=name)["AccessKey"]
    emit({"AccessKeyId": key["AccessKeyId"], "SecretAccessKey": key["SecretAccessKey"]})


def assumed_role(name, access_key, secret_key):
    # Signed as the given user: the caller's moto may check every signature by now.
    iam = client("iam", access_key=access_key, secret_key=secret_key)
    role = iam.create_role(
        RoleName=name,
        AssumeRolePolicyDocument='{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}',
    )["Role"]
    iam.put_role_policy(
        RoleName=name,
        PolicyName="everything",
        PolicyDocument='{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}',
    )
    sts = client("sts", access_key=access_key, secret_key=secret_key)
    credentials = sts.assume_role(RoleArn=role["Arn"], RoleSessionName="waops-test")["Credentials"]
    emit({key: credentials[key] for key in ("AccessKeyId", "SecretAccessKey", "SessionToken")})


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "rds-instances":
        rds_instances(int(sys.argv[2]))
    elif command == "guardduty-detector":
        guardduty_detector()
    elif command == "sqs-tagged":
        sqs_tagged(int(sys.argv[2]))
    elif command == "iam-user":
        iam_user(sys.argv[2])
    elif command == "assumed-role":
        assumed_role(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        sys.exit(f"unknown command {command}")
