using PasswordSafe.Http;
using Xunit;

namespace PasswordSafe.UnitTests.Module;

public class ErrorBodyParserTests
{
    [Theory]
    [InlineData("4031", 4031)]
    [InlineData("\"4034\"", 4034)]
    [InlineData(" 4091 \n", 4091)]
    public void D1_BareReasonCodes(string body, int code)
    {
        var parsed = ErrorBodyParser.Parse(body, 403);
        Assert.Equal(code, parsed.ReasonCode);
        Assert.Null(parsed.Message);
    }

    [Theory]
    [InlineData("\"Managed Account not found\"", "Managed Account not found")]
    [InlineData("Managed System/Account already exists: 1/ManagedAccount10", "Managed System/Account already exists: 1/ManagedAccount10")]
    [InlineData("{\"error\":\"invalid_client\"}", "invalid_client")]
    [InlineData("{\"error\":\"invalid_client\",\"error_description\":\"secret expired\"}", "secret expired")]
    [InlineData("{\"Message\":\"An error has occurred.\"}", "An error has occurred.")]
    [InlineData("{\"An Asset by that name already exists\"", "{\"An Asset by that name already exists\"")]
    public void D1_MessagesFromJsonStringsObjectsAndPlainText(string body, string message)
    {
        var parsed = ErrorBodyParser.Parse(body, 400);
        Assert.Equal(message, parsed.Message);
        Assert.Null(parsed.ReasonCode);
    }

    [Fact]
    public void HtmlBodiesAreSummarised()
    {
        var parsed = ErrorBodyParser.Parse("<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>", 502);
        Assert.True(parsed.IsHtml);
        Assert.Equal("the server returned an HTML page (status 502)", parsed.Message);
    }

    [Fact]
    public void LongMessagesAreTruncatedTo500Characters()
    {
        var parsed = ErrorBodyParser.Parse(new string('x', 2000), 500);
        Assert.Equal(500, parsed.Message!.Length);
        Assert.EndsWith("...", parsed.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void EmptyBodiesSayNothing(string? body)
    {
        var parsed = ErrorBodyParser.Parse(body, 404);
        Assert.Null(parsed.Message);
        Assert.Null(parsed.ReasonCode);
    }
}
