"""moto 5.2.1's server with an index over CloudWatch metric data, for benchmarks at scale.

Why: moto answers GetMetricData by scanning every stored datapoint once per query *and per period*
(O(queries x periods x datapoints)) and GetMetricStatistics by scanning every datapoint once per call. With
2,000 instances x 3 metrics x 14 days (84,000 datapoints) stock moto spends about 340 ms per GetMetricData
query and 90 ms per GetMetricStatistics call on that scan alone, which no real CloudWatch does; a benchmark of
client strategies would measure moto's scan instead. This module keeps datapoints indexed by
(namespace, metric name, dimensions) and answers both operations from the index, with moto's own
aggregation (its Statistics class) and moto's period bucketing, so the answers are the ones stock moto gives.
One deliberate difference: stock moto ignores the namespace of a GetMetricData query that has dimensions;
the index matches namespace, name and dimensions exactly, as CloudWatch does.

Both benchmark arms (WAOps and the boto3 baseline) run against the same patched server. Tests use stock moto.

usage: python3 moto_cloudwatch_index.py [moto_server arguments]   (starts the patched server)
       python3 moto_cloudwatch_index.py --self-test               (compares with stock moto, in process)
"""
import sys
from collections import defaultdict
from datetime import timedelta

from moto.cloudwatch import models as cw

_STOCK_PUT = cw.CloudWatchBackend.put_metric_data
_STOCK_GET_DATA = cw.CloudWatchBackend.get_metric_data
_STOCK_GET_STATISTICS = cw.CloudWatchBackend.get_metric_statistics


def _dims(dimensions):
    return tuple(sorted((d.name, d.value) for d in dimensions))


def _index(backend):
    index = backend.__dict__.get("_waops_index")
    if index is None or backend.__dict__.get("_waops_indexed", 0) > len(backend.metric_data):
        index = defaultdict(list)
        backend.__dict__["_waops_index"] = index
        backend.__dict__["_waops_indexed"] = 0
    indexed = backend.__dict__["_waops_indexed"]
    for datum in backend.metric_data[indexed:]:
        index[(datum.namespace, datum.name, _dims(datum.dimensions))].append(datum)
    backend.__dict__["_waops_indexed"] = len(backend.metric_data)
    return index


def _candidates(backend, namespace, name, dimensions, service_metrics):
    found = list(_index(backend).get((namespace, name, _dims(dimensions)), ()))
    # moto's built-in metrics of other services (SQS, DynamoDB, ...) are few; like stock moto, each request computes
    # them once (service_metrics) and every query of the request filters them.
    found.extend(d for d in service_metrics if d.namespace == namespace and d.name == name and _dims(d.dimensions) == _dims(dimensions))
    return found


def put_metric_data(self, namespace, metric_data):
    _STOCK_PUT(self, namespace, metric_data)
    _index(self)


def get_metric_data(self, queries, start_time, end_time, scan_by="TimestampAscending"):
    if any("MetricStat" not in q for q in queries):
        return _STOCK_GET_DATA(self, queries, start_time, end_time, scan_by)
    start_time = start_time.replace(microsecond=0)
    end_time = end_time.replace(microsecond=0)
    if start_time >= end_time:
        return _STOCK_GET_DATA(self, queries, start_time, end_time, scan_by)  # raises moto's own validation error
    results = []
    service_metrics = self.aws_metric_data
    for query in queries:
        stat_spec = query["MetricStat"]
        metric = stat_spec["Metric"]
        delta = timedelta(seconds=int(stat_spec["Period"]))
        dimensions = [cw.Dimension(name=d["Name"], value=d["Value"]) for d in metric.get("Dimensions", [])]
        unit = stat_spec.get("Unit")
        stat = stat_spec["Stat"]
        buckets = defaultdict(list)
        for datum in _candidates(self, metric["Namespace"], metric["MetricName"], dimensions, service_metrics):
            if start_time <= datum.timestamp < end_time and (not unit or datum.unit == unit):
                buckets[(datum.timestamp - start_time) // delta].append(datum)
        timestamps, values = [], []
        for number in sorted(buckets):
            statistics = cw.Statistics([stat], start_time + number * delta)
            statistics.metric_data = buckets[number]
            values.append(statistics.get_statistics_for_type(stat))
            timestamps.append(statistics.timestamp)
        if scan_by == "TimestampDescending":
            timestamps.reverse()
            values.reverse()
        label = query.get("Label") or f"{metric['MetricName']} {stat}"
        if query.get("ReturnData", True):
            results.append({"id": query["Id"], "label": label, "values": values, "timestamps": timestamps, "status_code": "Complete"})
    return results


def get_metric_statistics(self, namespace, metric_name, start_time, end_time, period, stats, dimensions, unit=None):
    if not dimensions:
        return _STOCK_GET_STATISTICS(self, namespace, metric_name, start_time, end_time, period, stats, dimensions, unit)
    start_time = start_time.replace(microsecond=0)
    end_time = end_time.replace(microsecond=0)
    if start_time >= end_time:
        return _STOCK_GET_STATISTICS(self, namespace, metric_name, start_time, end_time, period, stats, dimensions, unit)
    wanted = [cw.Dimension(d["Name"], d.get("Value")) for d in dimensions]
    data = [d for d in _candidates(self, namespace, metric_name, wanted, self.aws_metric_data) if start_time <= d.timestamp < end_time and (not unit or d.unit == unit)]
    data.sort(key=lambda d: d.timestamp)
    if not data:
        return []
    # moto's bucketing: periods start at the first datapoint found.
    delta = timedelta(seconds=period)
    result, position = [], 0
    for moment in cw.daterange(data[0].timestamp, data[-1].timestamp + delta, delta):
        statistics = cw.Statistics(stats, moment)
        while position < len(data) and data[position].timestamp < moment + delta:
            statistics.metric_data.append(data[position])
            statistics.unit = data[position].unit
            position += 1
        if statistics.metric_data:
            result.append(statistics)
    return result


def install():
    cw.CloudWatchBackend.put_metric_data = put_metric_data
    cw.CloudWatchBackend.get_metric_data = get_metric_data
    cw.CloudWatchBackend.get_metric_statistics = get_metric_statistics


def uninstall():
    cw.CloudWatchBackend.put_metric_data = _STOCK_PUT
    cw.CloudWatchBackend.get_metric_data = _STOCK_GET_DATA
    cw.CloudWatchBackend.get_metric_statistics = _STOCK_GET_STATISTICS


def self_test():
    """Seeds a few metrics in process and checks that indexed answers equal stock moto's."""
    import datetime

    import boto3
    from moto import mock_aws

    def answers():
        with mock_aws():
            client = boto3.client("cloudwatch", region_name="us-east-1", aws_access_key_id="testing", aws_secret_access_key="testing")
            day = datetime.datetime(2026, 1, 20, 12, tzinfo=datetime.timezone.utc)
            data = []
            for instance in ("i-a", "i-b"):
                for number in range(1, 6):
                    for name, value in (("CPUUtilization", number * 1.5), ("NetworkIn", number * 1000.0)):
                        data.append({"MetricName": name, "Dimensions": [{"Name": "InstanceId", "Value": instance}],
                                     "Timestamp": day - datetime.timedelta(days=number, hours=number), "Value": value})
                        data.append({"MetricName": name, "Dimensions": [{"Name": "InstanceId", "Value": instance}],
                                     "Timestamp": day - datetime.timedelta(days=number), "StatisticValues": {"SampleCount": 2, "Sum": value * 2, "Minimum": value, "Maximum": value}})
            client.put_metric_data(Namespace="AWS/EC2", MetricData=data)
            start, end = day - datetime.timedelta(days=7), day
            queries = [{"Id": f"q{i}", "MetricStat": {"Metric": {"Namespace": "AWS/EC2", "MetricName": name, "Dimensions": [{"Name": "InstanceId", "Value": instance}]},
                                                     "Period": 86400, "Stat": stat}}
                       for i, (instance, name, stat) in enumerate((i, n, s) for i in ("i-a", "i-b", "i-none") for n in ("CPUUtilization", "NetworkIn") for s in ("Average", "Sum", "Maximum"))]
            data_answer = client.get_metric_data(MetricDataQueries=queries, StartTime=start, EndTime=end)["MetricDataResults"]
            statistics_answer = [client.get_metric_statistics(Namespace="AWS/EC2", MetricName=n, Dimensions=[{"Name": "InstanceId", "Value": i}], StartTime=start,
                                                              EndTime=end, Period=86400, Statistics=["Average", "Sum", "Maximum"])["Datapoints"]
                                 for i in ("i-a", "i-none") for n in ("CPUUtilization", "NetworkIn")]
            return data_answer, statistics_answer

    uninstall()
    stock = answers()
    install()
    indexed = answers()
    if stock != indexed:
        sys.exit(f"indexed CloudWatch answers differ from stock moto:\nstock:   {stock}\nindexed: {indexed}")
    print("indexed CloudWatch answers equal stock moto's")


install()

if __name__ == "__main__":
    if sys.argv[1:] == ["--self-test"]:
        self_test()
    else:
        from moto.server import main

        main(sys.argv[1:])
