using System;
using System.Linq;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

public class ApiKeyTests
{
    [Fact]
    public void A5_GeneratedKeysAre128Alphanumerics()
    {
        var key = SecretGenerator.NewApiKey();
        Assert.Equal(128, key.Length);
        Assert.True(key.All(char.IsAsciiLetterOrDigit));
        Assert.True(ApiKeyFormat.IsCurrentFormat(key));
    }

    [Fact]
    public void A5_GeneratedKeysDiffer()
    {
        var keys = Enumerable.Range(0, 50).Select(_ => SecretGenerator.NewApiKey()).ToHashSet();
        Assert.Equal(50, keys.Count);
    }

    [Theory]
    [InlineData("3f2504e0-4f89-11d3-9a0c-0305e82c3301", true)]
    [InlineData("3F2504E0-4F89-11D3-9A0C-0305E82C3301", true)]
    [InlineData("{3f2504e0-4f89-11d3-9a0c-0305e82c3301}", false)]
    [InlineData("short", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void A5_LegacyGuidKeysAreAccepted(string? key, bool valid) => Assert.Equal(valid, ApiKeyFormat.IsValid(key));

    [Fact]
    public void A5_KeysWithOtherCharactersAreRefused()
    {
        Assert.False(ApiKeyFormat.IsValid(new string('a', 127) + "-"));
        Assert.False(ApiKeyFormat.IsValid(new string('a', 129)));
    }

    [Fact]
    public void A5_ProtectedSecretsCompareAndNeverPrint()
    {
        var secret = ProtectedSecret.Protect("Hunter2;]");
        Assert.True(secret.Matches("Hunter2;]"));
        Assert.False(secret.Matches("Hunter2;"));
        Assert.False(secret.Matches("hunter2;]"));
        Assert.False(secret.Matches(null));
        Assert.Equal("Hunter2;]", secret.Reveal());
        Assert.DoesNotContain("Hunter2", secret.ToString());
    }

    [Fact]
    public void B2_SessionIdsLookLikeAspNetOnes()
    {
        var id = SecretGenerator.NewSessionId();
        Assert.Equal(24, id.Length);
        Assert.True(id.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '5'));
    }
}
