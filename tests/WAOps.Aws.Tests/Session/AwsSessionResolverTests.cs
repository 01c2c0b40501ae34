using Amazon.Runtime;
using WAOps.Aws.Session;
using WAOps.Aws.Tests.Support;
using WAOps.Engine.Errors;
using Xunit;

namespace WAOps.Aws.Tests.Session;

/// <summary>Session resolution order, sources and errors. No network: every case resolves before any call.</summary>
public sealed class AwsSessionResolverTests : IDisposable
{
    private const string SentinelSecret = "SENTINEL-SECRET-0f9e8d7c6b5a";
    private const string SentinelToken = "SENTINEL-TOKEN-a1b2c3d4e5f6";
    private readonly string _directory = Directory.CreateTempSubdirectory("waops-profiles-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static DictionaryEnvironmentReader Env(params (string Key, string Value)[] values) =>
        new(values.ToDictionary(v => v.Key, v => v.Value));

    private string WriteCredentialsFile(string content)
    {
        var path = Path.Combine(_directory, "credentials");
        File.WriteAllText(path, content);
        return path;
    }

    private static AwsSession Resolve(AwsSessionRequest request, List<string>? trace = null) =>
        AwsSessionResolver.Resolve(request, trace: trace is null ? null : trace.Add);

    private static WAOpsException Fails(Func<AwsSession> resolve) => Assert.ThrowsAny<WAOpsException>(() => resolve());

    [Fact]
    public void ExplicitKeysWinOverEveryOtherSource()
    {
        var profiles = WriteCredentialsFile("[default]\naws_access_key_id = AKIDDEFAULTPROFILE01\naws_secret_access_key = x\n");
        var session = Resolve(new AwsSessionRequest
        {
            AccessKey = "AKIDEXPLICIT00000001",
            SecretKey = "s",
            ProfileLocation = profiles,
            StoredCredentials = new BasicAWSCredentials("AKIDSTORED0000000001", "s"),
            Region = "eu-west-1",
            Environment = Env(("AWS_ACCESS_KEY_ID", "AKIDENVIRONMENT00001"), ("AWS_SECRET_ACCESS_KEY", "s")),
        });

        Assert.Equal(CredentialSource.ExplicitKeys, session.CredentialSource);
        Assert.Equal("AKIDEXPLICIT00000001", session.Credentials.GetCredentials().AccessKey);
    }

    [Fact]
    public void OnlyOneOfTheKeysIsAnError()
    {
        var error = Fails(() => Resolve(new AwsSessionRequest { AccessKey = "AKIDONLY000000000001", Region = "us-east-1", Environment = Env() }));
        Assert.Equal(SessionErrorIds.IncompleteCredentials, error.ErrorId);
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
    }

    [Fact]
    public void NamedProfileIsReadFromProfileLocation()
    {
        var profiles = WriteCredentialsFile("[ops]\naws_access_key_id = AKIDPROFILEOPS000001\naws_secret_access_key = x\nregion = eu-central-1\n");
        var session = Resolve(new AwsSessionRequest { ProfileName = "ops", ProfileLocation = profiles, Environment = Env() });

        Assert.Equal(CredentialSource.NamedProfile, session.CredentialSource);
        Assert.Equal("AKIDPROFILEOPS000001", session.Credentials.GetCredentials().AccessKey);
        Assert.Equal("ops", session.ProfileName);
        Assert.Contains("ops", session.CredentialDetail);
    }

    [Fact]
    public void MissingNamedProfileIsAnErrorAndNeverFallsBack()
    {
        var profiles = WriteCredentialsFile("[default]\naws_access_key_id = AKIDDEFAULTPROFILE01\naws_secret_access_key = x\n");
        var error = Fails(() => Resolve(new AwsSessionRequest
        {
            ProfileName = "does-not-exist",
            ProfileLocation = profiles,
            Region = "us-east-1",
            Environment = Env(("AWS_ACCESS_KEY_ID", "AKIDENVIRONMENT00001"), ("AWS_SECRET_ACCESS_KEY", "s")),
        }));

        Assert.Equal(SessionErrorIds.ProfileNotFound, error.ErrorId);
        Assert.Equal(ErrorKind.ObjectNotFound, error.Kind);
        Assert.Contains("does-not-exist", error.Message);
    }

    [Fact]
    public void ProfileNamedByAwsProfileThatDoesNotExistIsAnError()
    {
        var profiles = WriteCredentialsFile("[default]\naws_access_key_id = AKIDDEFAULTPROFILE01\naws_secret_access_key = x\n");
        var error = Fails(() => Resolve(new AwsSessionRequest { ProfileLocation = profiles, Region = "us-east-1", Environment = Env(("AWS_PROFILE", "typo")) }));
        Assert.Equal(SessionErrorIds.ProfileNotFound, error.ErrorId);
    }

    [Fact]
    public void CredentialParameterComesBeforeStoredCredentials()
    {
        var session = Resolve(new AwsSessionRequest
        {
            Credential = new BasicAWSCredentials("AKIDPARAMETER0000001", "s"),
            StoredCredentials = new BasicAWSCredentials("AKIDSTORED0000000001", "s"),
            Region = "us-east-1",
            Environment = Env(),
        });
        Assert.Equal(CredentialSource.CredentialParameter, session.CredentialSource);
        Assert.Equal("AKIDPARAMETER0000001", session.Credentials.GetCredentials().AccessKey);
    }

    [Fact]
    public void StoredCredentialsComeBeforeEnvironment()
    {
        var session = Resolve(new AwsSessionRequest
        {
            StoredCredentials = new BasicAWSCredentials("AKIDSTORED0000000001", "s"),
            Region = "us-east-1",
            Environment = Env(("AWS_ACCESS_KEY_ID", "AKIDENVIRONMENT00001"), ("AWS_SECRET_ACCESS_KEY", "s")),
        });
        Assert.Equal(CredentialSource.StoredCredentials, session.CredentialSource);
    }

    [Fact]
    public void EnvironmentComesBeforeDefaultProfile()
    {
        var profiles = WriteCredentialsFile("[default]\naws_access_key_id = AKIDDEFAULTPROFILE01\naws_secret_access_key = x\n");
        var session = Resolve(new AwsSessionRequest
        {
            ProfileLocation = profiles,
            Region = "us-east-1",
            Environment = Env(("AWS_ACCESS_KEY_ID", "AKIDENVIRONMENT00001"), ("AWS_SECRET_ACCESS_KEY", "s"), ("AWS_SESSION_TOKEN", "t")),
        });
        Assert.Equal(CredentialSource.Environment, session.CredentialSource);
        Assert.Equal("t", session.Credentials.GetCredentials().Token);
    }

    [Fact]
    public void DefaultProfileIsTheLastResortBeforeRoles()
    {
        var profiles = WriteCredentialsFile("[default]\naws_access_key_id = AKIDDEFAULTPROFILE01\naws_secret_access_key = x\n");
        var session = Resolve(new AwsSessionRequest { ProfileLocation = profiles, Region = "us-east-1", Environment = Env() });
        Assert.Equal(CredentialSource.DefaultProfile, session.CredentialSource);
        Assert.Equal("default", session.ProfileName);
    }

    [Fact]
    public void NothingToUseIsNoCredentials()
    {
        var error = Fails(() => Resolve(new AwsSessionRequest
        {
            ProfileLocation = WriteCredentialsFile(string.Empty),
            Region = "us-east-1",
            Environment = Env(("AWS_EC2_METADATA_DISABLED", "true")),
        }));
        Assert.Equal(SessionErrorIds.NoCredentials, error.ErrorId);
        Assert.Equal(ErrorKind.AuthenticationError, error.Kind);
    }

    /// <summary>AWS.Tools.Common's AWSPSCredentials shape: the SDK credentials under a Credentials property.</summary>
    private sealed class ToolsStyleCredentialHolder
    {
        public object? Credentials { get; init; }

        public string Name { get; init; } = "tools";
    }

    /// <summary>A credentials object of another AWSSDK.Core: same member names, unrelated type.</summary>
    private sealed class ForeignCredentials
    {
        public ForeignImmutable GetCredentials() => new("AKIDFOREIGN000000001", SentinelSecret, SentinelToken);
    }

    private sealed record ForeignImmutable(string AccessKey, string SecretKey, string Token);

    [Fact]
    public void CredentialsOfAnotherSdkAreReadByShape()
    {
        var session = Resolve(new AwsSessionRequest
        {
            StoredCredentials = new ToolsStyleCredentialHolder { Credentials = new ForeignCredentials() },
            Region = "us-east-1",
            Environment = Env(),
        });

        var immutable = session.Credentials.GetCredentials();
        Assert.Equal("AKIDFOREIGN000000001", immutable.AccessKey);
        Assert.Equal(SentinelToken, immutable.Token);
    }

    [Fact]
    public void SomethingThatIsNotCredentialsIsRejected()
    {
        var error = Fails(() => Resolve(new AwsSessionRequest { Credential = 42, Region = "us-east-1", Environment = Env() }));
        Assert.Equal(SessionErrorIds.UnsupportedCredentialObject, error.ErrorId);
    }

    [Theory]
    [InlineData("param", "stored", "param", RegionSource.Parameter)]
    [InlineData(null, "stored", "stored", RegionSource.StoredRegion)]
    [InlineData(null, null, "profile", RegionSource.Profile)]
    public void RegionPrecedence(string? parameter, string? stored, string expected, RegionSource expectedSource)
    {
        var names = new Dictionary<string, string> { ["param"] = "eu-west-1", ["stored"] = "eu-west-2", ["profile"] = "eu-west-3" };
        var profiles = WriteCredentialsFile("[ops]\naws_access_key_id = AKIDPROFILEOPS000001\naws_secret_access_key = x\nregion = eu-west-3\n");
        var session = Resolve(new AwsSessionRequest
        {
            ProfileName = "ops",
            ProfileLocation = profiles,
            Region = parameter is null ? null : names[parameter],
            StoredRegion = stored is null ? null : names[stored],
            Environment = Env(("AWS_REGION", "ap-south-1")),
        });

        Assert.Equal(names[expected], session.Region);
        Assert.Equal(expectedSource, session.RegionSource);
    }

    [Fact]
    public void DefaultProfileIsLeftUnreadWhenRegionAndEndpointAreGiven()
    {
        // Nothing can come from it, so it is not read (a cold process saves AWSSDK.Core's profile machinery) and the
        // session names no profile.
        var profiles = WriteCredentialsFile("[default]\naws_access_key_id = AKIDDEFAULTPROFILE01\naws_secret_access_key = x\nregion = eu-west-3\n");
        var keys = Env(("AWS_ACCESS_KEY_ID", "AKIDENVIRONMENT00001"), ("AWS_SECRET_ACCESS_KEY", "s"));
        var given = Resolve(new AwsSessionRequest { ProfileLocation = profiles, Region = "us-east-1", EndpointUrl = "http://127.0.0.1:1", Environment = keys });
        Assert.Equal(("us-east-1", RegionSource.Parameter), (given.Region, given.RegionSource));
        Assert.Null(given.ProfileName);

        var fromProfile = Resolve(new AwsSessionRequest { ProfileLocation = profiles, EndpointUrl = "http://127.0.0.1:1", Environment = keys });
        Assert.Equal(("eu-west-3", RegionSource.Profile), (fromProfile.Region, fromProfile.RegionSource));
        Assert.Equal("default", fromProfile.ProfileName);
    }

    [Fact]
    public void EnvironmentRegionAfterProfileAndAwsRegionBeforeAwsDefaultRegion()
    {
        var session = Resolve(new AwsSessionRequest
        {
            AccessKey = "AKIDEXPLICIT00000001",
            SecretKey = "s",
            ProfileLocation = WriteCredentialsFile(string.Empty),
            Environment = Env(("AWS_REGION", "ap-south-1"), ("AWS_DEFAULT_REGION", "sa-east-1")),
        });
        Assert.Equal("ap-south-1", session.Region);
        Assert.Equal(RegionSource.Environment, session.RegionSource);
    }

    [Fact]
    public void NoRegionAnywhereIsNoRegion()
    {
        var error = Fails(() => Resolve(new AwsSessionRequest
        {
            AccessKey = "AKIDEXPLICIT00000001",
            SecretKey = "s",
            ProfileLocation = WriteCredentialsFile(string.Empty),
            Environment = Env(("AWS_EC2_METADATA_DISABLED", "true")),
        }));
        Assert.Equal(SessionErrorIds.NoRegion, error.ErrorId);
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
    }

    [Theory]
    [InlineData("us east 1")]
    [InlineData("US-EAST-1")]
    [InlineData("useast1")]
    [InlineData("us-east")]
    public void MalformedRegionIsInvalidRegion(string region)
    {
        var error = Fails(() => Resolve(new AwsSessionRequest { AccessKey = "AKIDEXPLICIT00000001", SecretKey = "s", Region = region, Environment = Env() }));
        Assert.Equal(SessionErrorIds.InvalidRegion, error.ErrorId);
    }

    [Theory]
    [InlineData("us-gov-west-1")]
    [InlineData("cn-northwest-1")]
    [InlineData("eusc-de-east-1")]
    [InlineData("ap-southeast-7")]
    public void RegionsOfEveryPartitionAreWellFormed(string region)
    {
        var session = Resolve(new AwsSessionRequest { AccessKey = "AKIDEXPLICIT00000001", SecretKey = "s", Region = region, Environment = Env() });
        Assert.Equal(region, session.Region);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://127.0.0.1:21")]
    [InlineData("127.0.0.1:5000")]
    [InlineData("http://127.0.0.1:5000/?x=1")]
    [InlineData("http://user:pass@127.0.0.1:5000")]
    public void MalformedEndpointUrlIsInvalidEndpointUrl(string url)
    {
        var error = Fails(() => Resolve(new AwsSessionRequest { AccessKey = "AKIDEXPLICIT00000001", SecretKey = "s", Region = "us-east-1", EndpointUrl = url, Environment = Env() }));
        Assert.Equal(SessionErrorIds.InvalidEndpointUrl, error.ErrorId);
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
    }

    [Fact]
    public void MalformedAwsEndpointUrlVariableIsInvalidEndpointUrlNamingTheVariable()
    {
        var error = Fails(() => Resolve(new AwsSessionRequest { AccessKey = "AKIDEXPLICIT00000001", SecretKey = "s", Region = "us-east-1", Environment = Env(("AWS_ENDPOINT_URL", "nope")) }));
        Assert.Equal(SessionErrorIds.InvalidEndpointUrl, error.ErrorId);
        Assert.Contains("AWS_ENDPOINT_URL", error.Message);
    }

    [Fact]
    public void TraceSaysWhereEverythingCameFromAndNeverShowsASecret()
    {
        var trace = new List<string>();
        var session = Resolve(
            new AwsSessionRequest
            {
                AccessKey = "AKIDEXPLICIT00000001",
                SecretKey = SentinelSecret,
                SessionToken = SentinelToken,
                Region = "eu-west-1",
                EndpointUrl = "http://127.0.0.1:1",
                Environment = Env(),
            },
            trace);

        var text = string.Join("\n", trace);
        Assert.Contains("ExplicitKeys", text);
        Assert.Contains("eu-west-1", text);
        Assert.Contains("http://127.0.0.1:1", text);
        Assert.DoesNotContain(SentinelSecret, text);
        Assert.DoesNotContain(SentinelToken, text);
        Assert.DoesNotContain("AKIDEXPLICIT00000001", text);
        Assert.DoesNotContain(SentinelSecret, session.ToString());
        Assert.DoesNotContain(SentinelSecret, session.CredentialDetail);
    }

    [Fact]
    public void StaticCredentialInputNeverPrintsItsSecret()
    {
        var input = new StaticCredentialInput("AKIDEXPLICIT00000001", SentinelSecret, SentinelToken);
        Assert.DoesNotContain(SentinelSecret, input.ToString());
        Assert.DoesNotContain(SentinelToken, input.ToString());
    }

    [Fact]
    public void WithRegionKeepsCredentialsAndEndpoint()
    {
        var session = TestSessions.For(new Uri("http://127.0.0.1:1"));
        var other = session.WithRegion("ap-northeast-1");
        Assert.Equal("ap-northeast-1", other.Region);
        Assert.Equal(session.EndpointUrl, other.EndpointUrl);
        Assert.Same(session.Credentials, other.Credentials);
        Assert.Throws<WAOpsException>(() => session.WithRegion("nowhere"));
    }
}
