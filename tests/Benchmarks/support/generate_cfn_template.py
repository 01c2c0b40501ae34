"""Writes a CloudFormation template of N resources for the TemplateGate benchmark.

The mix is what a large application stack holds: per "cell" a VPC slice (subnets, route tables, routes,
associations), queues, topics, buckets with policies, tables, roles with inline policies, instances with volumes,
and security groups, all tagged, with parameters, a condition, a mapping and short-form intrinsics
(!Ref, !Sub, !GetAtt, !If, !Select, !GetAZs, !FindInMap) so the reader and cfn-lint both evaluate real work.
Usage: python generate_cfn_template.py <resources> <path>
"""
import sys

def cell(i):
    t = "        - {{ Key: Environment, Value: !Ref Environment }}\n        - {{ Key: Project, Value: !Sub \"${{Project}}-{0}\" }}\n        - {{ Key: Team, Value: platform }}\n        - {{ Key: CostCenter, Value: CC-{0:04d} }}\n".format(i)
    az = i % 2
    return {
        f"Subnet{i}": f"""    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: 10.{i // 250}.{i % 250}.0/24
      AvailabilityZone: !Select [{az}, !GetAZs ""]
      MapPublicIpOnLaunch: {'true' if i % 5 == 0 else 'false'}
      Tags:
{t}""",
        f"Routes{i}": f"""    Type: AWS::EC2::RouteTable
    Properties:
      VpcId: !Ref Vpc
      Tags:
{t}""",
        f"Default{i}": f"""    Type: AWS::EC2::Route
    Properties:
      RouteTableId: !Ref Routes{i}
      DestinationCidrBlock: 0.0.0.0/0
      {'GatewayId: !Ref Igw' if i % 5 == 0 else 'NatGatewayId: !Ref Nat'}
""",
        f"Assoc{i}": f"""    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties:
      SubnetId: !Ref Subnet{i}
      RouteTableId: !Ref Routes{i}
""",
        f"Queue{i}": f"""    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Sub "${{Project}}-q{i}"
      KmsMasterKeyId: !If [IsProd, alias/aws/sqs, !Ref "AWS::NoValue"]
      Tags:
{t}""",
        f"Topic{i}": f"""    Type: AWS::SNS::Topic
    Properties:
      TopicName: !Sub "${{Project}}-t{i}"
      KmsMasterKeyId: !FindInMap [Keys, !Ref "AWS::Region", Sns]
      Tags:
{t}""",
        f"Bucket{i}": f"""    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub "${{Project}}-b{i}-${{AWS::Region}}"
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault: {{ SSEAlgorithm: aws:kms }}
      Tags:
{t}""",
        f"BucketPolicy{i}": f"""    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Bucket{i}
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Deny
            Principal: "*"
            Action: "s3:*"
            Resource: [!GetAtt Bucket{i}.Arn, !Sub "${{Bucket{i}.Arn}}/*"]
            Condition: {{ Bool: {{ "aws:SecureTransport": "false" }} }}
""",
        f"Table{i}": f"""    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions: [{{ AttributeName: id, AttributeType: S }}]
      KeySchema: [{{ AttributeName: id, KeyType: HASH }}]
      SSESpecification: {{ SSEEnabled: true }}
      Tags:
{t}""",
        f"Role{i}": f"""    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - {{ Effect: Allow, Principal: {{ Service: ec2.amazonaws.com }}, Action: sts:AssumeRole }}
      Policies:
        - PolicyName: work
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: [sqs:SendMessage, sqs:ReceiveMessage]
                Resource: !GetAtt Queue{i}.Arn
      Tags:
{t}""",
    }


def main():
    total = int(sys.argv[1])
    path = sys.argv[2]
    head = """AWSTemplateFormatVersion: "2010-09-09"
Description: Generated benchmark stack for Test-WAQualityGate -TemplatePath vs cfn-lint.
Parameters:
  Environment: { Type: String, Default: prod, AllowedValues: [dev, prod] }
  Project: { Type: String, Default: bench }
Conditions:
  IsProd: !Equals [!Ref Environment, prod]
Mappings:
  Keys:
    us-east-1: { Sns: alias/aws/sns }
    eu-west-1: { Sns: alias/aws/sns }
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/8
  Igw:
    Type: AWS::EC2::InternetGateway
  IgwAttach:
    Type: AWS::EC2::VPCGatewayAttachment
    Properties: { VpcId: !Ref Vpc, InternetGatewayId: !Ref Igw }
  NatIp:
    Type: AWS::EC2::EIP
    Properties: { Domain: vpc }
  Nat:
    Type: AWS::EC2::NatGateway
    Properties: { AllocationId: !GetAtt NatIp.AllocationId, SubnetId: !Ref Subnet0 }
"""
    resources = []
    i = 0
    budget = total - 5
    while len(resources) < budget:
        for name, body in cell(i).items():
            if len(resources) < budget:
                resources.append(f"  {name}:\n{body}")
        i += 1
    with open(path, "w", encoding="utf-8") as f:
        f.write(head + "".join(resources))


if __name__ == "__main__":
    main()
