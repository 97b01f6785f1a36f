using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using PasswordSafe.Http;
using Xunit;

namespace PasswordSafe.UnitTests.Module;

/// <summary>
/// The log of a call notes whether it changed something on the server: a successful POST, PUT, DELETE or PATCH. The
/// cmdlet then lets no Verbose/Debug question fail the command (DebugAfterChangeTests), even with both streams off.
/// </summary>
public class StateChangeNoteTests
{
    [Theory]
    [InlineData("POST", HttpStatusCode.Created, true)]
    [InlineData("PUT", HttpStatusCode.NoContent, true)]
    [InlineData("DELETE", HttpStatusCode.OK, true)]
    [InlineData("PATCH", HttpStatusCode.OK, true)]
    [InlineData("GET", HttpStatusCode.OK, false)]
    [InlineData("POST", HttpStatusCode.BadRequest, false)] // refused: nothing changed
    [InlineData("DELETE", HttpStatusCode.NotFound, false)]
    public void ChangedState_OnlyForAWriteTheServerAccepted(string method, HttpStatusCode status, bool changed)
    {
        var handler = new FakeHttpHandler(_ => FakeHttpHandler.Respond(status, "{}"));
        var client = TestSessions.Client(handler);
        var log = new RequestLog(verboseEnabled: false, debugEnabled: false);

        TestSessions.Sync(client.SendAsync(new ApiRequest(new HttpMethod(method), "Workgroups"), log, CancellationToken.None));

        Assert.Equal(changed, log.ChangedState);
    }

    [Fact]
    public void ChangedState_StaysSet_ForTheReadsThatFollowInTheSameCall()
    {
        var handler = new FakeHttpHandler(r => FakeHttpHandler.Respond(HttpStatusCode.OK, "{}"));
        var client = TestSessions.Client(handler);
        var log = new RequestLog();

        TestSessions.Sync(client.SendAsync(new ApiRequest(HttpMethod.Post, "Requests"), log, CancellationToken.None));
        TestSessions.Sync(client.SendAsync(new ApiRequest(HttpMethod.Get, "Requests"), log, CancellationToken.None));

        Assert.True(log.ChangedState);
    }
}
