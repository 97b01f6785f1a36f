using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Http;
using PasswordSafe.Internal;
using Xunit;

namespace PasswordSafe.UnitTests.Module;

public class ApiClientTransportTests
{
    private sealed class SlowHandler : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK);
        }
    }

    private sealed class RefusingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException("Connection refused (pam.test:443)");
    }

    [Fact]
    public void TimeoutBecomesTimeoutError()
    {
        var client = new ApiClient(TestSessions.BaseUri, new SlowHandler(), TimeSpan.FromMilliseconds(100));
        var error = Assert.Throws<PasswordSafeException>(() =>
            TestSessions.Sync(client.SendAsync(new ApiRequest(HttpMethod.Get, "Users"), new RequestLog(), CancellationToken.None)));
        Assert.Equal(ErrorIds.Timeout, error.ErrorId);
    }

    [Fact]
    public void CancellationPropagatesAsOperationCanceled()
    {
        var client = new ApiClient(TestSessions.BaseUri, new SlowHandler(), TimeSpan.FromSeconds(30));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        Assert.ThrowsAny<OperationCanceledException>(() =>
            TestSessions.Sync(client.SendAsync(new ApiRequest(HttpMethod.Get, "Users"), new RequestLog(), cancel.Token)));
    }

    [Fact]
    public void RefusedConnectionBecomesConnectionFailed()
    {
        var client = new ApiClient(TestSessions.BaseUri, new RefusingHandler(), TimeSpan.FromSeconds(5));
        var error = Assert.Throws<PasswordSafeException>(() =>
            TestSessions.Sync(client.SendAsync(new ApiRequest(HttpMethod.Get, "Credentials/99"), new RequestLog(), CancellationToken.None)));
        Assert.Equal(ErrorIds.ConnectionFailed, error.ErrorId);
        Assert.DoesNotContain("/99", error.Message);
    }

    [Fact]
    public void SendsUserAgentAndNeverLogsSecrets()
    {
        string? userAgent = null;
        var handler = new FakeHttpHandler(r => FakeHttpHandler.Respond(HttpStatusCode.OK, TestSessions.UserJson,
            headers: new System.Collections.Generic.Dictionary<string, string> { ["Set-Cookie"] = "ASP.NET_SessionId=COOKIEVALUE; path=/" }));
        var client = new ApiClient(TestSessions.BaseUri, new UserAgentSpy(handler, ua => userAgent = ua), TimeSpan.FromSeconds(5));
        var log = new RequestLog();
        var request = new ApiRequest(HttpMethod.Post, "Auth/SignAppIn") { Authorization = PsAuthHeader.Build(TestSessions.Key, "demo", "pw;]x", null) };

        TestSessions.Sync(client.SendAsync(request, log, CancellationToken.None));

        Assert.StartsWith("PasswordSafe-PowerShell/", userAgent);
        var all = string.Join("\n", log.Drain().Select(l => l.Value));
        Assert.DoesNotContain(TestSessions.Key, all);
        Assert.DoesNotContain("pw;]x", all);
        Assert.DoesNotContain("COOKIEVALUE", all);
        Assert.DoesNotContain("demo@example.test", all); // Auth/* bodies are never shown
        Assert.Contains("PS-Auth key=***; runas=demo; pwd=[***];", all);
    }

    [Theory]
    [InlineData("POST", "Requests", "124")]
    [InlineData("GET", "Requests?status=all&queue=req", "[{\"RequestID\":124}]")]
    [InlineData("POST", "Aliases/3/Requests", "124")]
    [InlineData("POST", "RequestSets", "{\"RequestSetID\":\"7\",\"Requests\":[{\"RequestID\":124}]}")]
    [InlineData("GET", "RequestSets?status=active", "[{\"RequestSetID\":\"7\",\"Requests\":[{\"RequestID\":124}]}]")]
    [InlineData("GET", "Sessions?status=1", "[{\"SessionID\":5,\"RequestID\":124,\"Token\":\"T0KEN124\"}]")]
    [InlineData("POST", "Requests/124/Sessions", "{\"ID\":\"s1\",\"Ticket\":\"T0KEN124\"}")]
    [InlineData("POST", "ISARequests?type=password", "{\"Credentials\":\"124\"}")]
    public void Debug_BodiesCarryingRequestIdsTicketsOrPasswords_AreNotShown(string method, string path, string answer)
    {
        var handler = new FakeHttpHandler(r => FakeHttpHandler.Respond(HttpStatusCode.OK, answer));
        var client = new ApiClient(TestSessions.BaseUri, handler, TimeSpan.FromSeconds(5));
        var log = new RequestLog(verboseEnabled: true, debugEnabled: true);

        TestSessions.Sync(client.SendAsync(new ApiRequest(new HttpMethod(method), path), log, CancellationToken.None));

        var debug = string.Join("\n", log.Drain().Where(l => !l.Key).Select(l => l.Value));
        // The id 124 is in every answer (and in one path, which the log masks); the token and ids must not show.
        Assert.DoesNotContain("124", debug);
        Assert.DoesNotContain("T0KEN", debug);
        Assert.Contains($"(body of {answer.Length} characters not shown", debug);
    }

    [Fact]
    public void Debug_OtherBodiesAreShown_Redacted()
    {
        var handler = new FakeHttpHandler(r => FakeHttpHandler.Respond(HttpStatusCode.OK, "[{\"UserName\":\"demo\",\"Password\":\"hunter2\"}]"));
        var client = new ApiClient(TestSessions.BaseUri, handler, TimeSpan.FromSeconds(5));
        var log = new RequestLog(verboseEnabled: true, debugEnabled: true);

        TestSessions.Sync(client.SendAsync(new ApiRequest(HttpMethod.Get, "Users"), log, CancellationToken.None));

        var debug = string.Join("\n", log.Drain().Where(l => !l.Key).Select(l => l.Value));
        Assert.Contains("demo", debug);
        Assert.DoesNotContain("hunter2", debug);
    }

    private sealed class UserAgentSpy : DelegatingHandler
    {
        private readonly Action<string> _seen;

        public UserAgentSpy(HttpMessageHandler inner, Action<string> seen) : base(inner) => _seen = seen;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _seen(request.Headers.UserAgent.ToString());
            return base.SendAsync(request, cancellationToken);
        }
    }
}
