namespace WAOps.Aws.Protocol;

/// <summary>The member's name on the wire when it differs from the property name (awsQuery and XML).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AwsWireNameAttribute : Attribute
{
    public AwsWireNameAttribute(string name) => Name = name;

    public string Name { get; }
}

/// <summary>The element name of list members in awsQuery requests (Filters.Filter.1 rather than Filters.member.1).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AwsListMemberAttribute : Attribute
{
    public AwsListMemberAttribute(string memberName) => MemberName = memberName;

    public string MemberName { get; }
}

/// <summary>A flattened list or map: members repeat directly under the parent instead of inside a wrapper.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AwsFlattenedAttribute : Attribute
{
}
