namespace WAOps.Engine.Reports;

/// <summary>The report formats Test-WAQualityGate writes with -OutputFormat.</summary>
public enum ReportFormat
{
    /// <summary>SARIF 2.1.0 (GitHub code scanning, Azure DevOps, most security dashboards).</summary>
    Sarif,

    /// <summary>JUnit XML (Jenkins, GitLab, Azure Pipelines test tabs): one test suite per rule, one test case per finding.</summary>
    JUnit,

    /// <summary>The summary, rules and every finding as JSON.</summary>
    Json,

    /// <summary>A Markdown summary for a CI job summary ($GITHUB_STEP_SUMMARY) or a pull request comment.</summary>
    Markdown,
}
