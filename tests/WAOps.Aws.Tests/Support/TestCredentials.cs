namespace WAOps.Aws.Tests.Support;

/// <summary>Dummy credentials moto accepts; not secrets. Secret-handling tests use their own sentinels.</summary>
public static class TestCredentials
{
    public const string AccessKey = "AKIDWAOPSTESTKEY0001";
    public const string SecretKey = "waops-test-secret-not-a-real-key";
    public const string Region = "us-east-1";
    public const string MotoAccountId = "123456789012";
}
