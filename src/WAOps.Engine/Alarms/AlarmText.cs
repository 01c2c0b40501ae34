using System.Globalization;

namespace WAOps.Engine.Alarms;

/// <summary>Readable forms of alarm settings, for plans, descriptions and help.</summary>
public static class AlarmText
{
    public static string Operator(string comparison) => comparison switch
    {
        "GreaterThanThreshold" => ">",
        "GreaterThanOrEqualToThreshold" => ">=",
        "LessThanThreshold" => "<",
        "LessThanOrEqualToThreshold" => "<=",
        _ => comparison,
    };

    public static string Number(double value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    /// <summary>"Errors Sum > 5 for 3 of 3 x 60 s, missing data: missing".</summary>
    public static string Condition(string metric, string statistic, string comparison, double? threshold, int datapoints, int evaluationPeriods, int period, string treatMissingData) =>
        $"{metric} {statistic} {Operator(comparison)} {(threshold is { } t ? Number(t) : "?")} for {datapoints} of {evaluationPeriods} x {period} s, missing data: {treatMissingData}";
}
