using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Http;
using Xunit;

namespace PasswordSafe.UnitTests.Module;

public class RetryPolicyTests
{
    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public void GetIsRetriedOnTransientStatuses(int status) =>
        Assert.NotNull(new RetryPolicy(seed: 1).NextDelay(HttpMethod.Get, status, 0, null));

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(409)]
    public void FinalStatusesAreNotRetried(int status) =>
        Assert.Null(new RetryPolicy(seed: 1).NextDelay(HttpMethod.Get, status, 0, null));

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public void WritesAreNeverRetried(string method) =>
        Assert.Null(new RetryPolicy(seed: 1).NextDelay(new HttpMethod(method), 503, 0, null));

    [Fact]
    public void AtMostTwoRetries()
    {
        var policy = new RetryPolicy(seed: 1);
        Assert.NotNull(policy.NextDelay(HttpMethod.Get, 500, 1, null));
        Assert.Null(policy.NextDelay(HttpMethod.Get, 500, 2, null));
    }

    [Fact]
    public void RetryAfterIsHonouredUpTo30Seconds()
    {
        var policy = new RetryPolicy(seed: 1);
        Assert.Equal(TimeSpan.FromSeconds(7), policy.NextDelay(HttpMethod.Get, 429, 0, TimeSpan.FromSeconds(7)));
        Assert.Equal(TimeSpan.FromSeconds(30), policy.NextDelay(HttpMethod.Get, 429, 0, TimeSpan.FromSeconds(30)));
        Assert.Null(policy.NextDelay(HttpMethod.Get, 429, 0, TimeSpan.FromSeconds(31)));
    }

    [Fact]
    public void BackoffIsJitteredAndGrows()
    {
        var policy = new RetryPolicy(baseDelay: TimeSpan.FromMilliseconds(100), seed: 7);
        var first = Enumerable.Range(0, 20).Select(_ => policy.NextDelay(HttpMethod.Get, 500, 0, null)!.Value.TotalMilliseconds).ToList();
        var second = Enumerable.Range(0, 20).Select(_ => policy.NextDelay(HttpMethod.Get, 500, 1, null)!.Value.TotalMilliseconds).ToList();
        Assert.All(first, d => Assert.InRange(d, 50, 150));
        Assert.All(second, d => Assert.InRange(d, 100, 300));
        Assert.True(first.Distinct().Count() > 1, "delays should be jittered");
    }

    [Fact]
    public void ApiClientRetriesAGetAndWaitsTheHonouredDelay()
    {
        var waits = new List<TimeSpan>();
        var calls = 0;
        var handler = new FakeHttpHandler(_ => ++calls < 3
            ? FakeHttpHandler.Respond(HttpStatusCode.ServiceUnavailable, "\"busy\"", headers: new Dictionary<string, string> { ["Retry-After"] = "2" })
            : FakeHttpHandler.Respond(HttpStatusCode.OK, "[]"));
        var client = new ApiClient(TestSessions.BaseUri, handler, TimeSpan.FromSeconds(5),
            new RetryPolicy(delay: (wait, _) => { waits.Add(wait); return Task.CompletedTask; }));
        var log = new RequestLog();

        var response = TestSessions.Sync(client.SendAsync(new ApiRequest(HttpMethod.Get, "Users"), log, CancellationToken.None));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(3, calls);
        Assert.Equal(new[] { TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2) }, waits);
        var verbose = log.Drain().Where(l => l.Key).Select(l => l.Value).ToList();
        Assert.Equal(5, verbose.Count); // three calls and two "retrying" notes
        Assert.Matches(@"^GET https://pam\.test/BeyondTrust/api/public/v3/Users -> 503 Service Unavailable \(\d+ ms\)$", verbose[0]);
    }

    [Fact]
    public void ApiClientDoesNotRetryAPost()
    {
        var calls = 0;
        var handler = new FakeHttpHandler(_ => { calls++; return FakeHttpHandler.Respond(HttpStatusCode.InternalServerError); });
        var client = TestSessions.Client(handler);
        var response = TestSessions.Sync(client.SendAsync(new ApiRequest(HttpMethod.Post, "Requests") { Body = "{}" }, new RequestLog(), CancellationToken.None));
        Assert.Equal(500, response.StatusCode);
        Assert.Equal(1, calls);
    }

    [Fact]
    public void ZeroRetries_NeverRetries()
    {
        Assert.Null(new RetryPolicy(maxRetries: 0, seed: 1).NextDelay(HttpMethod.Get, 503, 0, null));
        Assert.Null(new RetryPolicy(maxRetries: 0, seed: 1).NextDelay(HttpMethod.Get, 429, 0, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void ConfiguredInterval_IsTheFirstWait_JitteredByHalfEitherWay_AndRetryAfterStillWins()
    {
        var policy = new RetryPolicy(maxRetries: 5, baseDelay: TimeSpan.FromSeconds(2), seed: 3);
        var first = Enumerable.Range(0, 20).Select(_ => policy.NextDelay(HttpMethod.Get, 503, 0, null)!.Value.TotalSeconds).ToList();
        Assert.All(first, d => Assert.InRange(d, 1, 3));
        Assert.All(Enumerable.Range(0, 20).Select(_ => policy.NextDelay(HttpMethod.Get, 503, 4, null)!.Value.TotalSeconds), d => Assert.InRange(d, 16, 48));
        Assert.Equal(TimeSpan.FromSeconds(1), policy.NextDelay(HttpMethod.Get, 429, 0, TimeSpan.FromSeconds(1)));
        Assert.Null(policy.NextDelay(HttpMethod.Get, 503, 5, null));
    }

    [Fact]
    public void Backoff_NeverWaitsLongerThanFiveMinutes()
    {
        var policy = new RetryPolicy(maxRetries: 10, baseDelay: TimeSpan.FromSeconds(60), seed: 5);
        Assert.All(Enumerable.Range(0, 10), retry => Assert.True(policy.NextDelay(HttpMethod.Get, 503, retry, null) <= RetryPolicy.MaxBackoff));
        Assert.Equal(RetryPolicy.MaxBackoff, policy.NextDelay(HttpMethod.Get, 503, 9, null));
    }
}
