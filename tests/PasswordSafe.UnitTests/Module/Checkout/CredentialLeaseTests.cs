using System;
using System.Linq;
using System.Net;
using System.Threading;
using PasswordSafe.Checkout;
using PasswordSafe.Http;
using PasswordSafe.Internal;
using Xunit;

namespace PasswordSafe.UnitTests.Module.Checkout;

/// <summary>Use-PSCredential's check-in logic without PowerShell: once a request exists, every way out checks it in.</summary>
public class CredentialLeaseTests
{
    private static readonly NewRequestSpec Spec = new NewRequestSpec { SystemId = 101, AccountId = 201, DurationMinutes = 5 };

    [Fact]
    public void Open_ReadsTheCredential_CloseChecksInOnce()
    {
        var server = new FakeCheckoutServer();
        var client = new CheckoutClient(server.Connect());

        var lease = TestSessions.Sync(CredentialLease.OpenAsync(client, Spec, "srv1\\admin1", "password", new RequestLog(), CancellationToken.None));

        Assert.Equal(FakeCheckoutServer.Password, lease.Secret);
        Assert.Null(lease.Close("done", new RequestLog()));
        Assert.Null(lease.Close("again", new RequestLog()));
        Assert.Single(server.Calls("PUT", "/Checkin"));
        Assert.True(lease.IsClosed);
    }

    [Fact]
    public void OpenThroughAlias_RequestsAndReadsThroughTheAlias_NamesTheAccountAsTheServerDoes_WithoutListingRequests()
    {
        var server = new FakeCheckoutServer();
        server.Override = r =>
            r.Method == "POST" && r.IsTo("/Aliases/7/Requests") ? FakeCheckoutServer.Json(HttpStatusCode.Created, "55")
            : r.Method == "GET" && r.IsTo("/Aliases/7/Credentials/55") ? FakeCheckoutServer.Json(HttpStatusCode.OK,
                "{\"AliasID\":7,\"AliasName\":\"db-admin\",\"SystemID\":3,\"SystemName\":\"contoso.test\",\"AccountID\":9," +
                "\"AccountName\":\"svc-backup\",\"DomainName\":\"CONTOSO\",\"Password\":\"Alias-Pw-1\"}")
            : r.IsTo("/Requests/55/Checkin") ? new System.Net.Http.HttpResponseMessage(HttpStatusCode.NoContent)
            : null;
        var client = new CheckoutClient(server.Connect());

        var lease = TestSessions.Sync(CredentialLease.OpenThroughAliasAsync(client, 7, Spec, "alias 'db-admin'", "password", new RequestLog(), CancellationToken.None));

        Assert.Equal(55, lease.RequestId);
        Assert.Equal("Alias-Pw-1", lease.Secret);
        Assert.Equal("CONTOSO\\svc-backup", lease.Request!.UserName);
        Assert.Equal("contoso.test", lease.Request.SystemName);
        Assert.Equal(7, lease.Request.AliasId);
        // The alias form of POST Requests names no account: the server picks the alias's preferred one.
        var body = Assert.Single(server.Calls("POST", "/Aliases/7/Requests")).Body!;
        Assert.DoesNotContain("SystemID", body);
        Assert.DoesNotContain("AccountID", body);
        Assert.Empty(server.Calls("GET", "/Requests"));
        Assert.DoesNotContain(server.Calls("GET", "/Credentials/55"), c => !c.Path.Contains("/Aliases/"));

        Assert.Null(lease.Close("done", new RequestLog()));
        Assert.Single(server.Calls("PUT", "/Requests/55/Checkin"));
    }

    [Fact]
    public void OpenThroughAlias_FailedRead_ChecksTheNewRequestIn()
    {
        var server = new FakeCheckoutServer();
        server.Override = r =>
            r.Method == "POST" && r.IsTo("/Aliases/7/Requests") ? FakeCheckoutServer.Json(HttpStatusCode.Created, "56")
            : r.IsTo("/Aliases/7/Credentials/56") ? FakeCheckoutServer.Json(HttpStatusCode.Forbidden, "\"4031 - no permission\"")
            : r.IsTo("/Requests/56/Checkin") ? new System.Net.Http.HttpResponseMessage(HttpStatusCode.NoContent)
            : null;
        var client = new CheckoutClient(server.Connect());

        Assert.ThrowsAny<PasswordSafeException>(() =>
            TestSessions.Sync(CredentialLease.OpenThroughAliasAsync(client, 7, Spec, "alias 'db-admin'", "password", new RequestLog(), CancellationToken.None)));

        Assert.Single(server.Calls("PUT", "/Requests/56/Checkin"));
    }

    [Fact]
    public void StoppedWhileReadingTheCredential_TheRequestIsStillCheckedIn()
    {
        var server = new FakeCheckoutServer();
        using var stop = new CancellationTokenSource();
        server.Override = r =>
        {
            if (r.Path.Contains("/Credentials/"))
            {
                stop.Cancel(); // Ctrl+C arrives while the credential is read
                throw new OperationCanceledException(stop.Token);
            }

            return null;
        };
        var client = new CheckoutClient(server.Connect());

        Assert.ThrowsAny<OperationCanceledException>(() =>
            TestSessions.Sync(CredentialLease.OpenAsync(client, Spec, "a", "password", new RequestLog(), stop.Token)));

        // The pipeline's token is cancelled; the check-in went out on its own token.
        Assert.Single(server.Calls("PUT", "/Checkin"));
    }

    [Fact]
    public void Close_ReportsAFailedCheckIn_InsteadOfThrowing()
    {
        var server = new FakeCheckoutServer();
        var client = new CheckoutClient(server.Connect());
        var lease = TestSessions.Sync(CredentialLease.OpenAsync(client, Spec, "a", "password", new RequestLog(), CancellationToken.None));
        server.Override = r => r.IsTo("/Checkin") ? FakeCheckoutServer.Json(HttpStatusCode.Forbidden, "\"4031 - no permission\"") : null;

        var failure = lease.Close(null, new RequestLog());

        Assert.Equal(ErrorIds.PermissionDenied, Assert.IsAssignableFrom<PasswordSafeException>(failure).ErrorId);
        Assert.False(lease.AlreadyEnded);
    }

    [Fact]
    public void Close_ARequestThatHadAlreadyEnded_IsNoFailure_OnlyAlreadyEnded()
    {
        // The server's 404 on check-in: the request expired, or was checked in or ended elsewhere. Nothing stays released.
        var server = new FakeCheckoutServer();
        var client = new CheckoutClient(server.Connect());
        var lease = TestSessions.Sync(CredentialLease.OpenAsync(client, Spec, "a", "password", new RequestLog(), CancellationToken.None));
        server.Override = r => r.IsTo("/Checkin") ? FakeCheckoutServer.Json(HttpStatusCode.NotFound, "\"expired\"") : null;
        var log = new RequestLog();

        var failure = lease.Close(null, log);

        Assert.Null(failure);
        Assert.True(lease.AlreadyEnded);
        Assert.Single(server.Calls("PUT", "/Checkin"));
    }

    [Fact]
    public void Open_ARequestTheServerReused_IsLeftOpen_WhenClosed()
    {
        // -ConflictOption Reuse: 200 and the id of a request that was already open (api-v3 §3.2): not this lease's to end.
        var server = new FakeCheckoutServer();
        server.Override = r =>
            r.Method == "POST" && r.IsTo("/Requests") ? FakeCheckoutServer.Json(HttpStatusCode.OK, "41")
            : r.IsTo("/Credentials/41") ? FakeCheckoutServer.Json(HttpStatusCode.OK, "\"Open-Pw-1\"")
            : null;
        var client = new CheckoutClient(server.Connect());

        var lease = TestSessions.Sync(CredentialLease.OpenAsync(client, Spec, "a", "password", new RequestLog(), CancellationToken.None));

        Assert.True(lease.Reused);
        Assert.Equal(41, lease.RequestId);
        Assert.Equal("Open-Pw-1", lease.Secret);
        Assert.Null(lease.Close("done", new RequestLog()));
        Assert.Empty(server.Calls("PUT", "/Checkin"));
        Assert.False(lease.AlreadyEnded);
    }

    [Fact]
    public void Open_ARequestTheServerReused_IsNotWithdrawn_WhenItsCredentialCannotBeRead()
    {
        var server = new FakeCheckoutServer();
        server.Override = r =>
            r.Method == "POST" && r.IsTo("/Requests") ? FakeCheckoutServer.Json(HttpStatusCode.OK, "42")
            : r.Path.Contains("/Credentials/") ? FakeCheckoutServer.Json(HttpStatusCode.Forbidden, "\"4031 - no permission\"")
            : null;
        var client = new CheckoutClient(server.Connect());

        Assert.ThrowsAny<PasswordSafeException>(() =>
            TestSessions.Sync(CredentialLease.OpenAsync(client, Spec, "a", "password", new RequestLog(), CancellationToken.None)));

        Assert.Empty(server.Calls("PUT", "/Checkin"));
    }

    [Fact]
    public void OpenThroughAlias_ARequestTheServerReused_IsReadThePlainWay_AndNamedFromTheRequestList_AndLeftOpen()
    {
        // The reused request may have been made for the preferred account directly, which the alias read does not answer.
        var server = new FakeCheckoutServer();
        server.Override = r =>
            r.Method == "POST" && r.IsTo("/Aliases/7/Requests") ? FakeCheckoutServer.Json(HttpStatusCode.OK, "57")
            : r.IsTo("/Aliases/7/Credentials/57") ? FakeCheckoutServer.Json(HttpStatusCode.NotFound, "\"not an alias request\"")
            : r.Method == "GET" && r.IsTo("/Credentials/57") ? FakeCheckoutServer.Json(HttpStatusCode.OK, "\"Plain-Pw-1\"")
            : r.Method == "GET" && r.IsTo("/Requests") ? FakeCheckoutServer.Json(HttpStatusCode.OK,
                "[{\"RequestID\":57,\"SystemID\":3,\"SystemName\":\"contoso.test\",\"AccountID\":9,\"AccountName\":\"svc-backup\",\"DomainName\":\"CONTOSO\",\"Status\":\"Active\"}]")
            : null;
        var client = new CheckoutClient(server.Connect());

        var lease = TestSessions.Sync(CredentialLease.OpenThroughAliasAsync(client, 7, Spec, "alias 'db-admin'", "password", new RequestLog(), CancellationToken.None));

        Assert.Equal("Plain-Pw-1", lease.Secret);
        Assert.Equal("CONTOSO\\svc-backup", lease.Request!.UserName);
        Assert.Null(lease.Request.AliasId);
        Assert.Empty(server.Calls("GET", "/Aliases/7/Credentials/57"));
        Assert.Null(lease.Close("done", new RequestLog()));
        Assert.Empty(server.Calls("PUT", "/Checkin"));
    }

    [Fact]
    public void Close_HasItsOwnTimeout()
    {
        var server = new FakeCheckoutServer();
        var client = new CheckoutClient(server.Connect());
        var lease = TestSessions.Sync(CredentialLease.OpenAsync(client, Spec, "a", "password", new RequestLog(), CancellationToken.None,
            checkInTimeout: TimeSpan.FromMilliseconds(200)));
        server.Override = r => r.IsTo("/Checkin") ? Hang() : null;

        var failure = lease.Close(null, new RequestLog());

        Assert.Equal(ErrorIds.Timeout, Assert.IsAssignableFrom<PasswordSafeException>(failure).ErrorId);
    }

    private static System.Net.Http.HttpResponseMessage Hang()
    {
        // A timer, not Thread.Sleep: the check-in's 200 ms timeout is a timer too, and when the whole suite keeps the
        // thread pool busy both fire late but in due order; with Sleep the hang could end before a starved timeout fired.
        System.Threading.Tasks.Task.Delay(1500).Wait();
        return new System.Net.Http.HttpResponseMessage(HttpStatusCode.NoContent);
    }
}
