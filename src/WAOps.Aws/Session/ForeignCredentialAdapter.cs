using System.Reflection;
using Amazon.Runtime;
using WAOps.Engine.Errors;

namespace WAOps.Aws.Session;

/// <summary>
/// Accepts credential objects WAOps did not create. AWS.Tools.Common keeps its credentials (an AWSCredentials
/// of its own AWSSDK.Core, possibly another version, wrapped in an object with a <c>Credentials</c> property)
/// in <c>$StoredAWSCredentials</c>; those types are not WAOps' types because WAOps loads its AWSSDK.Core in its
/// own load context. They are therefore read by shape, not by type: anything with a <c>GetCredentials()</c>
/// method returning AccessKey/SecretKey/Token works, and is asked again on every request so it can refresh.
/// </summary>
internal static class ForeignCredentialAdapter
{
    public static AWSCredentials Adapt(object value, string origin)
    {
        switch (value)
        {
            case AWSCredentials own:
                return own;
            case StaticCredentialInput keys:
                return string.IsNullOrEmpty(keys.SessionToken)
                    ? new BasicAWSCredentials(keys.AccessKey, keys.SecretKey)
                    : new SessionAWSCredentials(keys.AccessKey, keys.SecretKey, keys.SessionToken);
        }

        if (FindGetCredentials(value) is { } direct)
        {
            return new ForeignAwsCredentials(value, direct);
        }

        // AWS Tools' AWSPSCredentials: { Credentials = <AWSCredentials>, Name = <profile name> }.
        var inner = value.GetType().GetProperty("Credentials", BindingFlags.Public | BindingFlags.Instance)?.GetValue(value);
        if (inner is not null)
        {
            return Adapt(inner, origin);
        }

        throw new WAOpsException(
            SessionErrorIds.UnsupportedCredentialObject,
            ErrorKind.InvalidArgument,
            $"{origin} holds a {value.GetType().FullName}, which is not AWS credentials. Give an AWSCredentials object "
            + "(for example from Get-AWSCredential), a PSCredential of access key and secret key, or use -ProfileName.",
            value.GetType().FullName);
    }

    private static MethodInfo? FindGetCredentials(object value) =>
        value.GetType().GetMethod("GetCredentials", BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes);

    /// <summary>Credentials that defer to another SDK's credentials object each time they are needed.</summary>
    private sealed class ForeignAwsCredentials : AWSCredentials
    {
        private readonly object _source;
        private readonly MethodInfo _getCredentials;

        public ForeignAwsCredentials(object source, MethodInfo getCredentials)
        {
            _source = source;
            _getCredentials = getCredentials;
        }

        public override ImmutableCredentials GetCredentials()
        {
            var immutable = _getCredentials.Invoke(_source, null)
                ?? throw new WAOpsException(SessionErrorIds.NoCredentials, ErrorKind.AuthenticationError,
                    "The supplied credentials object returned no credentials.");
            var type = immutable.GetType();
            string? Read(string name) => type.GetProperty(name)?.GetValue(immutable) as string;
            var accessKey = Read("AccessKey");
            var secretKey = Read("SecretKey");
            if (string.IsNullOrEmpty(accessKey) || string.IsNullOrEmpty(secretKey))
            {
                throw new WAOpsException(SessionErrorIds.IncompleteCredentials, ErrorKind.InvalidArgument,
                    "The supplied credentials object has no access key or secret key.");
            }

            return new ImmutableCredentials(accessKey, secretKey, Read("Token") ?? string.Empty);
        }

        public override Task<ImmutableCredentials> GetCredentialsAsync() => Task.FromResult(GetCredentials());
    }
}
