using PasswordSafe.Tests.Infrastructure;
using Xunit;
using Xunit.Sdk;

namespace PasswordSafe.Tests.Tests;

/// <summary>The leak scan itself must catch leaks, or every clean SecretLeakTests result would be meaningless.</summary>
public sealed class SecretScannerTests
{
    [Fact]
    public void Scanner_FlagsAKnownSecret()
    {
        var secret = TestSeed.Load().Password("pwd-user");

        Assert.Throws<TrueException>(() =>
            SecretScanner.AssertNoSecrets("VERBOSE: POST Auth/SignAppIn pwd=[" + secret + "]", new[] { secret }, "self-test"));
    }

    [Fact]
    public void Scanner_FlagsABearerTokenShapedValue()
    {
        Assert.Throws<FalseException>(() => SecretScanner.AssertNoSecrets(
            "DEBUG: Authorization: Bearer 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", new string[0], "self-test"));
    }

    [Fact]
    public void Scanner_AcceptsRedactedText()
    {
        SecretScanner.AssertNoSecrets("DEBUG: Authorization: PS-Auth key=***; runas=demo; pwd=[***];",
            TestSeed.Load().AllSecrets(), "self-test");
    }
}
