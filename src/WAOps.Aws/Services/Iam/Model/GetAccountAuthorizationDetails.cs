using WAOps.Aws.Protocol;

namespace WAOps.Aws.Services.Iam.Model;

// GetAccountAuthorizationDetails, named as in AWSSDK.IdentityManagement. Policy documents come URL-encoded.

public sealed class GetAccountAuthorizationDetailsRequest
{
    /// <summary>User, Role, Group, LocalManagedPolicy, AWSManagedPolicy.</summary>
    public List<string>? Filter { get; set; }

    public int? MaxItems { get; set; }

    public string? Marker { get; set; }
}

public sealed class GetAccountAuthorizationDetailsResponse : AwsResponse
{
    public List<UserDetail> UserDetailList { get; set; } = new();

    public List<GroupDetail> GroupDetailList { get; set; } = new();

    public List<RoleDetail> RoleDetailList { get; set; } = new();

    public List<ManagedPolicyDetail> Policies { get; set; } = new();

    public bool? IsTruncated { get; set; }

    public string? Marker { get; set; }
}

public sealed class PolicyDetail
{
    public string? PolicyName { get; set; }

    /// <summary>The policy JSON, URL-encoded (RFC 3986) as IAM returns it.</summary>
    public string? PolicyDocument { get; set; }
}

public sealed class AttachedPolicy
{
    public string? PolicyName { get; set; }

    public string? PolicyArn { get; set; }
}

public sealed class Tag
{
    public string? Key { get; set; }

    public string? Value { get; set; }
}

public sealed class UserDetail
{
    public string? UserName { get; set; }

    public string? UserId { get; set; }

    public string? Arn { get; set; }

    public List<PolicyDetail> UserPolicyList { get; set; } = new();

    public List<AttachedPolicy> AttachedManagedPolicies { get; set; } = new();

    public List<Tag> Tags { get; set; } = new();
}

public sealed class GroupDetail
{
    public string? GroupName { get; set; }

    public string? GroupId { get; set; }

    public string? Arn { get; set; }

    public List<PolicyDetail> GroupPolicyList { get; set; } = new();

    public List<AttachedPolicy> AttachedManagedPolicies { get; set; } = new();
}

public sealed class RoleDetail
{
    public string? RoleName { get; set; }

    public string? RoleId { get; set; }

    public string? Arn { get; set; }

    public string? Path { get; set; }

    public List<PolicyDetail> RolePolicyList { get; set; } = new();

    public List<AttachedPolicy> AttachedManagedPolicies { get; set; } = new();

    public List<Tag> Tags { get; set; } = new();
}

public sealed class ManagedPolicyDetail
{
    public string? PolicyName { get; set; }

    public string? PolicyId { get; set; }

    public string? Arn { get; set; }

    public string? Path { get; set; }

    public string? DefaultVersionId { get; set; }

    public int? AttachmentCount { get; set; }

    public bool? IsAttachable { get; set; }

    public List<PolicyVersion> PolicyVersionList { get; set; } = new();
}

public sealed class PolicyVersion
{
    /// <summary>The policy JSON, URL-encoded as IAM returns it.</summary>
    public string? Document { get; set; }

    public string? VersionId { get; set; }

    public bool? IsDefaultVersion { get; set; }
}
