using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using PasswordSafe.Http;
using Xunit;

// The folder's name is not a namespace: "Http." in other test namespaces must keep naming PasswordSafe.Http.
namespace PasswordSafe.UnitTests.Module;

/// <summary>
/// Answers a server or a proxy in front of it may give that no API documents: headers echoing the request's
/// Authorization value, a charset no encoding is known by, a declared charset other than UTF-8, a success body the
/// reader refuses. Read on both paths: buffered (Debug on) and streamed straight into objects (Debug off).
/// </summary>
public sealed class OddResponseReadingTests
{
    private const string Key = "EchoKey0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVW";
    private const string Authorization = "PS-Auth key=" + Key + "; runas=demo; pwd=[Echo+Pass/w0rd=!];";

    [Fact]
    public void DebugResponseHeaders_ThatEchoTheAuthorizationValue_MaskTheKeyAndPassword_InEveryForm()
    {
        var log = new RequestLog();
        Send(Encoding.UTF8.GetBytes("[]"), "application/json", log, streamed: false, new Dictionary<string, string>
        {
            ["X-Debug-Auth"] = Authorization,
            ["Location"] = "https://sso.example.test/?from=" + Uri.EscapeDataString(Authorization),
            ["WWW-Authenticate"] = "PS-Auth was=\"" + Authorization.Replace("+", "&#43;") + "\"",
        });

        var debug = string.Join("\n", log.Drain().Where(l => !l.Key).Select(l => l.Value));
        Assert.Contains("X-Debug-Auth", debug);
        Assert.Contains("runas=demo", debug);
        Assert.DoesNotContain(Key, debug);
        Assert.DoesNotContain("Pass/w0rd", debug);
        Assert.DoesNotContain("Pass%2Fw0rd", debug);
    }

    [Fact]
    public void AHeaderReadByName_ThatEchoesTheAuthorizationValue_ComesBackMasked_OthersUnchanged()
    {
        var handler = new FakeHttpHandler(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.Unauthorized) { Content = new ByteArrayContent(Array.Empty<byte>()) };
            response.Headers.TryAddWithoutValidation("WWW-Authenticate-2FA", "Code for " + Authorization);
            response.Headers.TryAddWithoutValidation("X-Plain", "Requests/12 as sent");
            return response;
        });
        var client = new ApiClient(TestSessions.BaseUri, handler, TimeSpan.FromSeconds(5));
        var answer = TestSessions.Sync(client.SendAsync(new ApiRequest(HttpMethod.Post, "Auth/SignAppIn") { Authorization = Authorization },
            new RequestLog(), CancellationToken.None));

        var prompt = answer.GetHeader("WWW-Authenticate-2FA");
        Assert.StartsWith("Code for PS-Auth key=", prompt);
        Assert.DoesNotContain(Key, prompt);
        Assert.DoesNotContain("Pass/w0rd", prompt);
        Assert.Equal("Requests/12 as sent", answer.GetHeader("X-Plain"));
    }

    [Fact]
    public void DebugSuccessBody_ThatEchoesTheAuthorizationValue_MasksIt()
    {
        var log = new RequestLog();
        Send(Encoding.UTF8.GetBytes("{\"Echo\":\"" + Authorization + "\"}"), "application/json", log, streamed: false);

        var debug = string.Join("\n", log.Drain().Where(l => !l.Key).Select(l => l.Value));
        Assert.Contains("runas=demo", debug);
        Assert.DoesNotContain(Key, debug);
        Assert.DoesNotContain("Pass/w0rd", debug);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void UnknownCharset_IsReadAsUtf8_NeverAnUnhandledException(bool streamed)
    {
        var body = Encoding.UTF8.GetBytes("[\"Zoë\"]");

        var text = Send(body, "application/json; charset=klingon", new RequestLog(true, !streamed), streamed);

        Assert.Equal("[\"Zoë\"]", text);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void DeclaredLatin1_IsHonoured_OnBothPaths(bool streamed)
    {
        var body = Encoding.Latin1.GetBytes("[\"Administratör\"]");

        var text = Send(body, "application/json; charset=iso-8859-1", new RequestLog(true, !streamed), streamed);

        Assert.Equal("[\"Administratör\"]", text);
    }

    [Theory]
    [InlineData(false, "utf-16")]
    [InlineData(true, "utf-16")]
    [InlineData(false, "UTF-16LE")]
    [InlineData(true, "\"utf-16le\"")]
    public void DeclaredUtf16WithoutAByteOrderMark_IsHonoured_OnBothPaths(bool streamed, string charset)
    {
        var body = Encoding.Unicode.GetBytes("[\"日本\"]");

        var text = Send(body, "application/json; charset=" + charset, new RequestLog(true, !streamed), streamed);

        Assert.Equal("[\"日本\"]", text);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AByteOrderMark_WinsOverTheDeclaredCharset(bool streamed)
    {
        var body = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("[\"Zoë\"]")).ToArray();

        var text = Send(body, "application/json; charset=iso-8859-1", new RequestLog(true, !streamed), streamed);

        Assert.Equal("[\"Zoë\"]", text);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ASuccessBodyTheReaderRefuses_StillLogsTheStatusLine_AndUnderDebugTheAnswer(bool debug)
    {
        var log = new RequestLog(true, debug);

        Assert.Throws<PasswordSafeException>(() => Send(Encoding.UTF8.GetBytes("<html><body>Sign in</body></html>"), "text/html", log,
            streamed: true, refuse: true));

        var lines = log.Drain();
        Assert.Contains(lines, l => l.Key && l.Value.Contains("GET ", StringComparison.Ordinal) && l.Value.Contains("-> 200 OK", StringComparison.Ordinal));
        if (debug)
        {
            Assert.Contains(lines, l => !l.Key && l.Value.Contains("HTTP response: 200", StringComparison.Ordinal) && l.Value.Contains("Sign in", StringComparison.Ordinal));
        }
    }

    private static string? Send(byte[] body, string contentType, RequestLog log, bool streamed, IDictionary<string, string>? headers = null, bool refuse = false)
    {
        var handler = new FakeHttpHandler(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body) };
            response.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            foreach (var header in headers ?? new Dictionary<string, string>()) response.Headers.TryAddWithoutValidation(header.Key, header.Value);
            return response;
        });
        var client = new ApiClient(TestSessions.BaseUri, handler, TimeSpan.FromSeconds(5));
        var request = new ApiRequest(HttpMethod.Get, "Users") { Authorization = Authorization };
        if (streamed)
        {
            request.SuccessBodyReader = (answer, reader) => refuse
                ? throw new PasswordSafeException(PasswordSafe.Internal.ErrorIds.InvalidServerResponse, "refused", "look")
                : reader.ReadToEnd();
        }

        var result = TestSessions.Sync(client.SendAsync(request, log, CancellationToken.None));
        return streamed ? (string?)result.ParsedBody : result.Body;
    }
}
