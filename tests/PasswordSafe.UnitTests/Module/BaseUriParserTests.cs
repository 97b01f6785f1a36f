using PasswordSafe.Http;
using PasswordSafe.Internal;
using Xunit;

namespace PasswordSafe.UnitTests.Module;

public class BaseUriParserTests
{
    [Theory]
    [InlineData("pam.example.com", "https://pam.example.com/BeyondTrust/api/public/v3/")]
    [InlineData("pam.example.com:8443", "https://pam.example.com:8443/BeyondTrust/api/public/v3/")]
    [InlineData("https://pam.example.com", "https://pam.example.com/BeyondTrust/api/public/v3/")]
    [InlineData("https://pam.example.com/", "https://pam.example.com/BeyondTrust/api/public/v3/")]
    [InlineData("https://pam.example.com/BeyondTrust/api/public/v3", "https://pam.example.com/BeyondTrust/api/public/v3/")]
    [InlineData("https://pam.example.com/BeyondTrust/api/public/v3/", "https://pam.example.com/BeyondTrust/api/public/v3/")]
    [InlineData("https://pam.example.com/Beyondtrust/api/public/v3", "https://pam.example.com/Beyondtrust/api/public/v3/")]
    [InlineData("https://pam.example.com/BeyondTrust", "https://pam.example.com/BeyondTrust/api/public/v3/")]
    [InlineData("https://127.0.0.1:5001/eEye.RetinaCS.Server/api/public/v3", "https://127.0.0.1:5001/eEye.RetinaCS.Server/api/public/v3/")]
    [InlineData("https://127.0.0.1:5001/eEye.RetinaCS.Server/api/public/v3/", "https://127.0.0.1:5001/eEye.RetinaCS.Server/api/public/v3/")]
    [InlineData("  HTTPS://pam.example.com  ", "https://pam.example.com/BeyondTrust/api/public/v3/")]
    [InlineData("https://gw.example.com/pam", "https://gw.example.com/pam/BeyondTrust/api/public/v3/")]
    [InlineData("[::1]:5001", "https://[::1]:5001/BeyondTrust/api/public/v3/")]
    public void B3_AcceptsHostsAndBothBasePaths(string input, string expected) =>
        Assert.Equal(expected, BaseUriParser.Parse(input).AbsoluteUri);

    [Theory]
    [InlineData("http://pam.example.com")]
    [InlineData("http://pam.example.com/BeyondTrust/api/public/v3")]
    public void B2_PlainHttpIsRefused(string input) =>
        Assert.Equal(ErrorIds.HttpsRequired, Assert.Throws<PasswordSafeException>(() => BaseUriParser.Parse(input)).ErrorId);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ftp://pam.example.com")]
    [InlineData("https://")]
    [InlineData("pam example com")]
    [InlineData("https://pam.example.com/BeyondTrust/api/public/v3?x=1")]
    [InlineData("https://user:pw@pam.example.com")]
    [InlineData("::::")]
    public void GarbageIsInvalidUri(string input) =>
        Assert.Equal(ErrorIds.InvalidUri, Assert.Throws<PasswordSafeException>(() => BaseUriParser.Parse(input)).ErrorId);
}
