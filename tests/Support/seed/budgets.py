"""Seeds budgets for the budget tests, with boto3 (independent of WAOps).

usage: budgets.py create --name N --amount A [--project P] [--budget-type COST|USAGE] [--unit USD]
                         [--forecast 50,80,100] [--actual 100] [--email a@example.com]
       Creates one budget (in us-east-1, where AWS Budgets lives); with --email it gets notifications at the
       given thresholds sent to that address, without it none. Prints {"BudgetName": ..., "AccountId": ...}.
"""
import argparse

from waops_seed import client, emit


def create(args):
    account = client("sts").get_caller_identity()["Account"]
    budget = {
        "BudgetName": args.name,
        "BudgetLimit": {"Amount": args.amount, "Unit": args.unit},
        "TimeUnit": "MONTHLY",
        "BudgetType": args.budget_type,
    }
    if args.project:
        budget["CostFilters"] = {"TagKeyValue": [f"user:Project${args.project}"]}
    notifications = []
    if args.email:
        for kind, thresholds in (("FORECASTED", args.forecast), ("ACTUAL", args.actual)):
            for threshold in filter(None, thresholds.split(",")):
                notifications.append({
                    "Notification": {
                        "NotificationType": kind,
                        "ComparisonOperator": "GREATER_THAN",
                        "Threshold": float(threshold),
                        "ThresholdType": "PERCENTAGE",
                    },
                    "Subscribers": [{"SubscriptionType": "EMAIL", "Address": args.email}],
                })
    client("budgets", region="us-east-1").create_budget(AccountId=account, Budget=budget, NotificationsWithSubscribers=notifications)
    emit({"BudgetName": args.name, "AccountId": account})


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    commands = parser.add_subparsers(dest="command", required=True)
    command = commands.add_parser("create")
    command.add_argument("--name", required=True)
    command.add_argument("--amount", required=True)
    command.add_argument("--project")
    command.add_argument("--budget-type", default="COST")
    command.add_argument("--unit", default="USD")
    command.add_argument("--forecast", default="50,80,100")
    command.add_argument("--actual", default="100")
    command.add_argument("--email")
    create(parser.parse_args())
