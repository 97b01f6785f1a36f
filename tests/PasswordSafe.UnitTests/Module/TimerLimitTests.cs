using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using PasswordSafe.Checkout;
using PasswordSafe.Http;
using PasswordSafe.Internal;
using PasswordSafe.Session;
using Xunit;

namespace PasswordSafe.UnitTests.Module;

/// <summary>
/// Every seconds value that becomes a timer stays within what both runtimes accept: .NET Framework (Windows
/// PowerShell 5.1) refuses more than int.MaxValue ms, .NET more than 0xFFFFFFFE ms, and either refusal crashed every call.
/// </summary>
public class TimerLimitTests
{
    [Fact]
    public void MaxSeconds_IsTheLastWholeSecondWithinIntMaxValueMilliseconds()
    {
        Assert.Equal(2147483, TimerLimit.MaxSeconds);
        Assert.True(TimerLimit.Max.TotalMilliseconds <= int.MaxValue);
        Assert.True(TimerLimit.Max + TimeSpan.FromSeconds(1) > TimeSpan.FromMilliseconds(int.MaxValue));
    }

    [Fact]
    public void Clamp_KeepsInfiniteAndOrdinaryDelays_AndCapsLongerOnes()
    {
        Assert.Equal(Timeout.InfiniteTimeSpan, TimerLimit.Clamp(Timeout.InfiniteTimeSpan));
        Assert.Equal(TimeSpan.FromSeconds(100), TimerLimit.Clamp(TimeSpan.FromSeconds(100)));
        Assert.Equal(TimerLimit.Max, TimerLimit.Clamp(TimerLimit.Max));
        Assert.Equal(TimerLimit.Max, TimerLimit.Clamp(TimeSpan.FromSeconds(4294968)));
    }

    [Fact]
    public void ConnectTimeoutSec_IsBoundedToTheTimerLimit()
    {
        var property = typeof(PasswordSafe.Commands.ConnectPasswordSafeCommand).GetProperty("TimeoutSec")!;
        var range = Assert.Single(property.GetCustomAttributes(typeof(System.Management.Automation.ValidateRangeAttribute), false));
        Assert.Equal(TimerLimit.MaxSeconds, ((System.Management.Automation.ValidateRangeAttribute)range).MaxRange);
    }

    [Fact]
    public void CheckInTimeout_OfASessionWithTheLongestTimeout_StaysWithinTheTimerLimit()
    {
        var handler = new FakeHttpHandler(r => FakeHttpHandler.Respond(HttpStatusCode.OK, "{}"));
        var connection = new SessionConnection(new ApiClient(TestSessions.BaseUri, handler, TimerLimit.Max),
            SessionCredentials.ForApiKey(SecureStringReader.FromPlainText(TestSessions.Key), "demo", null));
        var client = new CheckoutClient(new PasswordSafeSession(connection));

        var timeout = CredentialLease.CheckInTimeoutFor(client);

        Assert.Equal(TimerLimit.Max, timeout);
        using var source = new CancellationTokenSource(timeout); // what CheckIn does with it
    }

    [Fact]
    public void ACallWithTheLongestTimeout_IsSent()
    {
        var handler = new FakeHttpHandler(r => FakeHttpHandler.Respond(HttpStatusCode.OK, "{}"));
        var client = new ApiClient(TestSessions.BaseUri, handler, TimerLimit.Max);

        var response = TestSessions.Sync(client.SendAsync(new ApiRequest(HttpMethod.Get, "Users"), new RequestLog(), CancellationToken.None));

        Assert.Equal(200, response.StatusCode);
    }
}
