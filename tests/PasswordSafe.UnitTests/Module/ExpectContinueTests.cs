using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Http;
using Xunit;

namespace PasswordSafe.UnitTests.Module;

/// <summary>
/// Every request says ExpectContinue = false explicitly: .NET Framework's handler reads exactly that (null leaves its
/// ServicePoint default, which sends "Expect: 100-continue" and waits up to 350 ms before each body).
/// </summary>
public class ExpectContinueTests
{
    private sealed class ExpectSpy : HttpMessageHandler
    {
        public bool? Seen { get; private set; } = true;

        public int Count { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Seen = request.Headers.ExpectContinue;
            Count++;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") });
        }
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("GET")]
    public void EveryRequest_SaysExpectContinueFalse(string method)
    {
        var spy = new ExpectSpy();
        var client = new ApiClient(TestSessions.BaseUri, spy, TimeSpan.FromSeconds(5));

        TestSessions.Sync(client.SendAsync(new ApiRequest(new HttpMethod(method), "Things") { Body = method == "GET" ? null : "{\"Name\":\"x\"}" },
            new RequestLog(), CancellationToken.None));

        Assert.Equal(1, spy.Count);
        Assert.False(spy.Seen);
    }
}
