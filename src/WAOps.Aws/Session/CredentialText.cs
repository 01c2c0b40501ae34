namespace WAOps.Aws.Session;

/// <summary>How credentials may be shown: the access key id masked, never a secret key or session token.</summary>
public static class CredentialText
{
    public static string MaskAccessKey(string? accessKey)
    {
        if (string.IsNullOrEmpty(accessKey))
        {
            return "(none)";
        }

        return accessKey.Length <= 8
            ? new string('*', accessKey.Length)
            : accessKey[..4] + new string('*', accessKey.Length - 8) + accessKey[^4..];
    }
}
