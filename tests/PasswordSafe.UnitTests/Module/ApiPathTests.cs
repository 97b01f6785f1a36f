using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using PasswordSafe.Http;
using PasswordSafe.Internal;
using Xunit;

namespace PasswordSafe.UnitTests.Module;

/// <summary>A path relative to the API base never leads out of it, however the server would decode it.</summary>
public class ApiPathTests
{
    [Theory]
    [InlineData("../../../../emulator/status")]
    [InlineData("..")]
    [InlineData("Users/../../Users")]
    [InlineData("%2e%2e/%2e%2e/%2e%2e/%2e%2e/emulator/status")]
    [InlineData("%2E%2E/%2E%2E/%2E%2E/%2E%2E/emulator/status")]
    [InlineData(".%2e/.%2e/.%2e/.%2e/emulator/status")]
    [InlineData("..%2f..%2f..%2f..%2femulator/status")]
    [InlineData("..%5c..%5c..%5c..%5cemulator%5cstatus")]
    [InlineData(@"..\..\..\..\emulator\status")]
    [InlineData(@"Users\..\..\x")]
    [InlineData("%252e%252e/%252e%252e/%252e%252e/%252e%252e/emulator/status")] // for a server that decodes twice
    [InlineData("/../x?a=b")]
    [InlineData("./../x")]
    public void ClimbingAboveTheBase_IsRefused(string path)
    {
        Assert.Null(ApiPath.Normalize(path));
        Assert.True(ApiPath.LeavesBase(path));
    }

    [Theory]
    [InlineData("ManagedAccounts", "ManagedAccounts")]
    [InlineData("/ManagedAccounts?systemName=web01", "ManagedAccounts?systemName=web01")]
    [InlineData("ManagedAccounts/../Users", "Users")]
    [InlineData("ManagedAccounts/%2e%2e/Users", "Users")]
    [InlineData(@"ManagedSystems\3\ManagedAccounts", "ManagedSystems/3/ManagedAccounts")]
    [InlineData("./Users/../Users/./2", "Users/2")]
    [InlineData("Users//..//2", "2")]
    [InlineData("Users/..", "")]
    [InlineData("Workgroups/My%20Group/Assets", "Workgroups/My%20Group/Assets")]
    [InlineData("ManagedAccounts?accountName=../../x", "ManagedAccounts?accountName=../../x")] // the query is no path
    [InlineData("Files/report..txt", "Files/report..txt")]
    public void PathsUnderTheBase_AreNormalised(string path, string expected)
    {
        Assert.Equal(expected, ApiPath.Normalize(path));
        Assert.False(ApiPath.LeavesBase(path));
    }

    [Fact]
    public void ApiClient_NeverSendsAPathThatLeavesTheBase()
    {
        var handler = new FakeHttpHandler(_ => FakeHttpHandler.Respond(HttpStatusCode.OK, "{}"));
        var client = new ApiClient(TestSessions.BaseUri, handler, TimeSpan.FromSeconds(5));

        var error = Assert.Throws<PasswordSafeException>(() =>
            TestSessions.Sync(client.SendAsync(new ApiRequest(HttpMethod.Get, "%2e%2e/%2e%2e/%2e%2e/%2e%2e/emulator/status"), new RequestLog(), CancellationToken.None)));

        Assert.Equal(ErrorIds.InvalidUri, error.ErrorId);
        Assert.Contains(TestSessions.BaseUri.AbsoluteUri, error.Message);
        Assert.Empty(handler.Requests);
    }
}
