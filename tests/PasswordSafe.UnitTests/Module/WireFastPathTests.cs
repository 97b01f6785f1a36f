using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using PasswordSafe.Checkout;
using PasswordSafe.Http;
using PasswordSafe.Internal;
using Xunit;

namespace PasswordSafe.UnitTests.Module;

/// <summary>
/// The per-call shortcuts taken for speed (direct UTF-8 decoding, bare-number and plain-string answers, appended
/// URIs, hand-written JSON bodies, one-step SecureStrings, looked-up headers) give exactly what the general path gave.
/// </summary>
public class WireFastPathTests
{
    private static ApiResponse Answer(string body) =>
        new ApiResponse("GET", new Uri("https://pam.test/BeyondTrust/api/public/v3/Credentials/1"), 200, "OK", body, "application/json",
            new Dictionary<string, string>(), null, TimeSpan.Zero);

    private static ApiResponse Receive(byte[] body, string? contentType, IDictionary<string, string>? headers = null)
    {
        var handler = new FakeHttpHandler(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body) };
            if (contentType != null) response.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            foreach (var header in headers ?? new Dictionary<string, string>()) response.Headers.TryAddWithoutValidation(header.Key, header.Value);
            return response;
        });
        var client = new ApiClient(TestSessions.BaseUri, handler, TimeSpan.FromSeconds(5));
        return TestSessions.Sync(client.SendAsync(new ApiRequest(HttpMethod.Get, "Users"), new RequestLog(), CancellationToken.None));
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json; charset=\"UTF-8\"")]
    [InlineData("application/json")]
    [InlineData(null)]
    public void Utf8Bodies_DecodeWithOrWithoutCharsetAndByteOrderMark(string? contentType)
    {
        const string text = "[\"Zoë\",\"日本\",\"😀\"]";
        Assert.Equal(text, Receive(Encoding.UTF8.GetBytes(text), contentType).Body);
        var withBom = new byte[] { 0xEF, 0xBB, 0xBF };
        Assert.Equal(text, Receive([.. withBom, .. Encoding.UTF8.GetBytes(text)], contentType).Body);
    }

    [Fact]
    public void OtherCharsets_AndUtf16ByteOrderMarks_DecodeAsDeclared()
    {
        Assert.Equal("\"café\"", Receive(Encoding.Latin1.GetBytes("\"café\""), "application/json; charset=iso-8859-1").Body);
        Assert.Equal("\"café\"", Receive([0xFF, 0xFE, .. Encoding.Unicode.GetBytes("\"café\"")], "application/json").Body);
        Assert.Equal("\"café\"", Receive([0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes("\"café\"")], "application/json").Body);
    }

    [Fact]
    public void Headers_AreLookedUpCaseInsensitively_FromResponseAndContent_AfterTheResponseIsGone()
    {
        var response = Receive(Encoding.UTF8.GetBytes("{}"), "application/json",
            new Dictionary<string, string> { ["WWW-Authenticate-2FA"] = "Enter the code", ["X-Custom"] = "a" });

        Assert.Equal("Enter the code", response.GetHeader("www-authenticate-2fa"));
        Assert.Equal("a", response.GetHeader("X-CUSTOM"));
        Assert.Equal("application/json", response.GetHeader("Content-Type"));
        Assert.Null(response.GetHeader("X-Missing"));
        Assert.Null(response.GetHeader("not a header name"));
    }

    [Theory]
    [InlineData("124", 124)]
    [InlineData(" 124\n", 124)]
    [InlineData("\"124\"", 124)]
    [InlineData("{\"RequestID\":124}", 124)]
    [InlineData("-3", -3)]
    public void RequestIds_BareOrWrapped_ReadAlike(string body, int expected) =>
        Assert.Equal(expected, CheckoutJson.ReadRequestId(Answer(body)));

    [Theory]
    [InlineData("\"P@ss w0rd!\"", "P@ss w0rd!")]
    [InlineData("  \"  spaced  \"  ", "  spaced  ")]
    [InlineData("\"quote\\\"inside\"", "quote\"inside")]
    [InlineData("\"back\\\\slash\"", "back\\slash")]
    [InlineData("\"\\u00e9t\\u00e9\"", "été")]
    [InlineData("\"tab\\there\"", "tab\there")]
    [InlineData("\"\"", "")]
    [InlineData("plain text", "plain text")]
    public void Credentials_PlainOrEscaped_ReadAsTheirValue(string body, string expected) =>
        Assert.Equal(expected, CheckoutJson.ReadCredential(Answer(body)));

    [Theory]
    [InlineData("{\"Password\":\"x\"}")]
    [InlineData("[\"x\"]")]
    [InlineData("<html><body>Sign in</body></html>")]
    public void Credentials_ThatAreJsonObjectsArraysOrPages_AreNeverAPassword(string body)
    {
        var error = Assert.Throws<PasswordSafe.Http.PasswordSafeException>(() => CheckoutJson.ReadCredential(Answer(body)));
        Assert.Equal(PasswordSafe.Internal.ErrorIds.InvalidServerResponse, error.ErrorId);
    }

    [Theory]
    [InlineData("Requests")]
    [InlineData("/Requests?status=all&queue=req")]
    [InlineData("Requests?date=2026-11-22T10:00:00Z")]
    [InlineData("ManagedSystems/5/ManagedAccounts?name=a b")]
    [InlineData("Managed/../Users")]
    [InlineData("urn:x")]
    [InlineData("Credentials/1?type=password#frag")]
    public void RelativePaths_ResolveAsUriCombiningWould(string path)
    {
        var client = new ApiClient(TestSessions.BaseUri, new FakeHttpHandler(_ => new HttpResponseMessage(HttpStatusCode.OK)), TimeSpan.FromSeconds(5));
        var combined = new Uri(client.BaseUri, path.TrimStart('/'));
        Assert.Equal(combined.AbsoluteUri, client.ResolveUri(path).AbsoluteUri);
    }

    [Fact]
    public void RequestBody_HasTheDocumentedKeys_OnlyWhenSet_WithEscaping()
    {
        var minimal = JsonDocument.Parse(new NewRequestSpec { SystemId = 1, AccountId = 2, DurationMinutes = 30 }.ToJson()).RootElement;
        Assert.Equal("{\"SystemID\":1,\"AccountID\":2,\"DurationMinutes\":30}", minimal.GetRawText());

        var full = JsonDocument.Parse(new NewRequestSpec
        {
            SystemId = 1, AccountId = 2, DurationMinutes = 30, AccessType = "App", ApplicationId = 7, Reason = "a \"quoted\" \\ reason\n",
            AccessPolicyScheduleId = 3, ConflictOption = "Reuse", TicketSystemId = 4, TicketNumber = "T-1", RotateOnCheckin = true,
        }.ToJson()).RootElement;
        Assert.Equal(7, full.GetProperty("ApplicationID").GetInt32());
        Assert.Equal("a \"quoted\" \\ reason\n", full.GetProperty("Reason").GetString());
        Assert.Equal("reuse", full.GetProperty("ConflictOption").GetString());
        Assert.Equal(3, full.GetProperty("AccessPolicyScheduleID").GetInt32());
        Assert.Equal(4, full.GetProperty("TicketSystemID").GetInt32());
        Assert.Equal("T-1", full.GetProperty("TicketNumber").GetString());
        Assert.True(full.GetProperty("RotateOnCheckin").GetBoolean());

        var view = JsonDocument.Parse(new NewRequestSpec { SystemId = 1, AccountId = 2, DurationMinutes = 5, AccessType = "View", ApplicationId = 7, Reason = "" }.ToJson()).RootElement;
        Assert.False(view.TryGetProperty("ApplicationID", out _));
        Assert.False(view.TryGetProperty("Reason", out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("p")]
    [InlineData("P@ss;w0rd]\"é😀 ")]
    public void SecureStrings_HoldExactlyTheText_AndAreReadOnly(string text)
    {
        var secure = SecureStringReader.FromPlainText(text);
        Assert.True(secure.IsReadOnly());
        Assert.Equal(text.Length, secure.Length);
        Assert.Equal(text, new NetworkCredential(string.Empty, secure).Password);
    }
}
