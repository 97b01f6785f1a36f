using System;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Checkout;
using PasswordSafe.Http;
using PasswordSafe.Internal;
using Xunit;

namespace PasswordSafe.UnitTests.Module;

/// <summary>
/// A state-changing call whose answer is lost (timeout, connection broken after sending, session disconnected mid-call)
/// says the server may have made the change and how to check; reads and calls that never left keep their words
/// (ChangeReadBack, UnansweredChange, TransportFailureStage; the PowerShell side is tests/PasswordSafe.Tests
/// LostChangeAnswerTests).
/// </summary>
public class UnansweredChangeTests
{
    [Theory]
    [InlineData("POST", "Users", "{\"UserType\":\"BeyondInsight\",\"UserName\":\"alice\",\"Password\":\"S3cret-Pa55\"}", "created user 'alice'", "Get-PSUser -UserName 'alice'")]
    [InlineData("POST", "Users", "{\"UserType\":\"ActiveDirectory\",\"UserName\":\"jsmith\",\"DomainName\":\"CONTOSO\"}", @"created user 'CONTOSO\jsmith'", @"Get-PSUser -UserName 'CONTOSO\jsmith'")]
    [InlineData("POST", "Users", "{\"UserType\":\"Application\",\"UserName\":\"bot\",\"AccessPolicyID\":3}", "created user 'bot'", "Reset-PSClientSecret")]
    [InlineData("POST", "Users", "{\"UserType\":\"LDAP\",\"HostName\":\"ldap1\"}", "created the user", "Get-PSUser shows")]
    [InlineData("PUT", "Users/5", "{}", "updated user 5", "Get-PSUser -UserId 5")]
    [InlineData("DELETE", "Users/5", null, "removed user 5", "Get-PSUser -UserId 5")]
    [InlineData("POST", "Users/5/Quarantine", "{}", "quarantined user 5", "Get-PSUser -UserId 5")]
    [InlineData("POST", "Users/5/RecycleClientSecret", "{}", "recycled the client secret of user 5", "Reset-PSClientSecret -UserId 5")]
    [InlineData("POST", "Users/5/UserGroups/3", "{}", "added user 5 to user group 3", "Get-PSUser -GroupId 3")]
    [InlineData("DELETE", "Users/5/UserGroups/3", null, "removed user 5 from user group 3", "Get-PSUser -GroupId 3")]
    [InlineData("POST", "ApiRegistrations", "{\"Name\":\"CI key\"}", "created API registration 'CI key'", "Get-PSApiRegistration -Name 'CI key'")]
    [InlineData("PUT", "ApiRegistrations/4", "{}", "updated API registration 4", "Get-PSApiRegistration -RegistrationId 4")]
    [InlineData("DELETE", "ApiRegistrations/4", null, "removed API registration 4", "Get-PSApiRegistration -RegistrationId 4")]
    [InlineData("POST", "ApiRegistrations/4/Rotate", "{}", "rotated the key of API registration 4", "Get-PSApiRegistrationKey -RegistrationId 4")]
    [InlineData("POST", "UserGroups", "{\"groupType\":\"BeyondInsight\",\"groupName\":\"Helpdesk\"}", "created user group 'Helpdesk'", "Get-PSUserGroup -Name 'Helpdesk'")]
    [InlineData("DELETE", "UserGroups/7", null, "removed user group 7", "Get-PSUserGroup -GroupId 7")]
    [InlineData("POST", "UserGroups/7/SmartRules/2/Roles", "{}", "set the roles of user group 7 on smart rule 2", "Get-PSUserGroupRole -GroupId 7 -SmartRuleId 2")]
    [InlineData("POST", "UserGroups/7/Permissions", "[]", "set the permissions of user group 7", "Get-PSUserGroupPermission -GroupId 7")]
    [InlineData("DELETE", "UserGroups/7/Permissions", null, "removed the permissions of user group 7", "Get-PSUserGroupPermission -GroupId 7")]
    [InlineData("POST", "Workgroups", "{\"Name\":\"Lab\"}", "created workgroup 'Lab'", "Get-PSWorkgroup -Name 'Lab'")]
    [InlineData("POST", "Workgroups/2/Assets", "{\"IPAddress\":\"10.0.0.5\",\"AssetName\":\"srv5\"}", "created asset 'srv5'", "Get-PSAsset -WorkgroupId 2 -Name 'srv5'")]
    [InlineData("POST", "Workgroups/East%20Wing/Assets", "{\"IPAddress\":\"10.0.0.5\"}", "created the asset", "Get-PSAsset -WorkgroupName 'East Wing'")]
    [InlineData("PUT", "Assets/9", "{}", "updated asset 9", "Get-PSAsset -AssetId 9")]
    [InlineData("POST", "Assets/9/ManagedSystems?version=3.1", "{}", "created a managed system on asset 9", "Get-PSManagedSystem -AssetId 9")]
    [InlineData("DELETE", "ManagedSystems/3", null, "removed managed system 3", "Get-PSManagedSystem -ManagedSystemId 3")]
    [InlineData("POST", "ManagedSystems/3/ManagedAccounts", "{\"AccountName\":\"svc\",\"Password\":\"Pa55-in-body\"}", "created managed account 'svc' on managed system 3", "Get-PSManagedAccount -ManagedSystemId 3 -AccountName 'svc'")]
    [InlineData("PUT", "ManagedAccounts/8", "{}", "updated managed account 8", "Get-PSManagedAccount -AccountId 8")]
    [InlineData("PUT", "ManagedAccounts/8/Credentials", "{\"Password\":\"Pa55-in-body\"}", "set the credentials of managed account 8", "does no harm")]
    [InlineData("POST", "ManagedAccounts/8/Credentials/Change", "{\"Queue\":false}", "started a password change of managed account 8", "LastChangeDate")]
    [InlineData("POST", "QuickRules", "{\"Title\":\"lab rule\"}", "created quick rule 'lab rule'", "Get-PSQuickRule -Title 'lab rule'")]
    [InlineData("POST", "Sessions/Admin", "{\"HostName\":\"srv\",\"Password\":\"Pa55-in-body\"}", "opened the admin session", "Get-PSAccessSession -Status NotStarted")]
    [InlineData("POST", "Sessions/12/Terminate", "{}", "ended session 12", "Get-PSAccessSession -SessionId 12")]
    [InlineData("POST", "Requests", "{\"SystemID\":1,\"AccountID\":1}", "made the request", "Get-PSRequest -Status Active")]
    [InlineData("POST", "Aliases/2/Requests", "{}", "made the request", "Get-PSRequest -Status Active")]
    [InlineData("POST", "RequestSets", "{}", "made the request set", "Get-PSRequestSet")]
    [InlineData("PUT", "Requests/77/Checkin", "{}", "checked the request in", "Get-PSRequest -Status Active")]
    [InlineData("PUT", "Requests/77/Approve", "{}", "approved the request", "Get-PSRequest -Queue Approver")]
    [InlineData("POST", "ManagedAccounts/1/Requests/Terminate", "{}", "made the change", "Check whether it was made before retrying")]
    [InlineData("PATCH", "Anything/Else", "{}", "made the change", "Check whether it was made before retrying")]
    public void EachKnownChange_SaysWhatItMayHaveDone_AndTheCommandThatShowsIt(string method, string path, string? body, string done, string advice)
    {
        Assert.True(ChangeReadBack.IsChange(method, path));
        var change = ChangeReadBack.For(method, path, body);

        Assert.Equal(done, change.Done);
        Assert.Contains(advice, change.Advice);
        // Names and ids only: a password in the body never reaches the words, nor does a request id.
        Assert.DoesNotContain("Pa55", change.Done + change.Advice + change.Consequence);
        Assert.DoesNotContain("77", change.Done + change.Advice + change.Consequence);
    }

    [Theory]
    [InlineData("GET", "Users")]
    [InlineData("POST", "Auth/SignAppIn")]
    [InlineData("POST", "Auth/connect/token")]
    [InlineData("POST", "Auth/Signout")]
    [InlineData("POST", "ManagedAccounts/8/Credentials/Test")]
    [InlineData("POST", "ISARequests?type=password")]
    [InlineData("POST", "isarequests/")]
    public void ReadsAndSignIn_AreNotChanges(string method, string path) =>
        Assert.False(ChangeReadBack.IsChange(method, path));

    [Theory]
    [InlineData("POST", "users/")]
    [InlineData("post", "%55sers")]
    [InlineData("DELETE", "ManagedAccounts/8?force=true")]
    public void ThePathIsReadAsTheServerRoutesIt(string method, string path)
    {
        Assert.True(ChangeReadBack.IsChange(method, path));
        Assert.NotSame(ChangeReadBack.Generic, ChangeReadBack.For(method, path, "{\"UserName\":\"u\"}"));
    }

    [Theory]
    [InlineData("alice", false, "'alice'")]
    [InlineData("o'brien", false, "'o''brien'")]
    [InlineData("web[01]*", true, "'web`[01`]`*'")]
    [InlineData("web[01]", false, "'web[01]'")]
    [InlineData("a`b?", true, "'a``b`?'")]
    [InlineData("o\u2019brien", false, "'o\u2019\u2019brien'")]
    public void Names_AreQuotedAsPowerShellReadsThemBack(string name, bool wildcards, string expected) =>
        Assert.Equal(expected, ChangeReadBack.Literal(name, wildcards));

    [Theory]
    [InlineData("not json")]
    [InlineData("[\"UserName\"]")]
    [InlineData("{\"UserName\": 5}")]
    [InlineData("{\"UserName\": \"  \"}")]
    [InlineData(null)]
    public void ABodyWithoutAUsableName_GivesTheGeneralCheckForThatCall(string? body) =>
        Assert.Equal("created the user", ChangeReadBack.For("POST", "Users", body).Done);

    [Fact]
    public void Timeout_OfAChange_SaysWhatItMayHaveDone_SameIdAsARead()
    {
        var client = TestSessions.Client(new SlowHandler(), TimeSpan.FromMilliseconds(100));
        var request = new ApiRequest(HttpMethod.Post, "Users") { Body = "{\"UserType\":\"BeyondInsight\",\"UserName\":\"alice\",\"Password\":\"S3cret-Pa55\"}" };

        var error = Assert.Throws<UnansweredChangeException>(() => TestSessions.Sync(client.SendAsync(request, new RequestLog(), CancellationToken.None)));

        Assert.Equal(ErrorIds.Timeout, error.ErrorId);
        Assert.StartsWith("POST https://pam.test/BeyondTrust/api/public/v3/Users got no answer within 0.1 s, so the server may have created user 'alice' all the same.", error.Message);
        Assert.Contains("Get-PSUser -UserName 'alice'", error.RecommendedAction);
        Assert.Contains("-TimeoutSec", error.RecommendedAction);
        Assert.DoesNotContain("S3cret", error.Message + error.RecommendedAction);
        // Code that finds out itself what the call did gets the failure alone.
        Assert.Equal("POST https://pam.test/BeyondTrust/api/public/v3/Users got no answer within 0.1 s.", UnansweredChange.CallFailure(error));
        Assert.Equal("Check that the server is reachable and responsive, or connect again with a larger -TimeoutSec.", UnansweredChange.CallFailureAction(error));
    }

    [Fact]
    public void Timeout_OfARead_KeepsItsWords()
    {
        var client = TestSessions.Client(new SlowHandler(), TimeSpan.FromMilliseconds(100));

        var error = Assert.Throws<PasswordSafeException>(() =>
            TestSessions.Sync(client.SendAsync(new ApiRequest(HttpMethod.Get, "Users"), new RequestLog(), CancellationToken.None)));

        Assert.IsNotType<UnansweredChangeException>(error);
        Assert.Equal("GET https://pam.test/BeyondTrust/api/public/v3/Users got no answer within 0.1 s.", error.Message);
        Assert.Equal(error.Message, UnansweredChange.CallFailure(error));
    }

    [Fact]
    public void ConnectionBrokenAfterSending_OfAChange_ConnectionFailed_MayHaveBeenMade()
    {
        var client = TestSessions.Client(new ThrowingHandler(() => new HttpRequestException("Error while copying content",
            new IOException("The response ended prematurely."))));
        var request = new ApiRequest(HttpMethod.Post, "ApiRegistrations/4/Rotate") { Body = "{}" };

        var error = Assert.Throws<UnansweredChangeException>(() => TestSessions.Sync(client.SendAsync(request, new RequestLog(), CancellationToken.None)));

        Assert.Equal(ErrorIds.ConnectionFailed, error.ErrorId);
        Assert.Contains("the connection broke after the call was sent (The response ended prematurely)", error.Message);
        Assert.Contains("the server may have rotated the key of API registration 4 all the same: then the old key no longer signs in", error.Message);
        Assert.DoesNotContain("could not reach", error.Message);
        Assert.Contains("Get-PSApiRegistrationKey -RegistrationId 4", error.RecommendedAction);
    }

    [Fact]
    public void ConnectionRefused_NothingWasSent_ChangeOrNot_ItCouldNotReachTheServer()
    {
        var client = TestSessions.Client(new ThrowingHandler(() => new HttpRequestException("Connection refused (pam.test:443)",
            new SocketException((int)SocketError.ConnectionRefused))));

        var post = Assert.Throws<PasswordSafeException>(() => TestSessions.Sync(client.SendAsync(
            new ApiRequest(HttpMethod.Post, "Users") { Body = "{\"UserName\":\"alice\"}" }, new RequestLog(), CancellationToken.None)));

        Assert.IsNotType<UnansweredChangeException>(post);
        Assert.Equal(ErrorIds.ConnectionFailed, post.ErrorId);
        Assert.Contains("could not reach the server", post.Message);
        Assert.DoesNotContain("may have", post.Message);
    }

    [Fact]
    public void ConnectionBrokenOnARead_KeepsItsWords()
    {
        var client = TestSessions.Client(new ThrowingHandler(() => new HttpRequestException("Error", new IOException("The response ended prematurely."))));

        var error = Assert.Throws<PasswordSafeException>(() =>
            TestSessions.Sync(client.SendAsync(new ApiRequest(HttpMethod.Get, "Users"), new RequestLog(), CancellationToken.None)));

        Assert.IsNotType<UnansweredChangeException>(error);
        Assert.Contains("could not reach the server", error.Message);
    }

    [Theory]
    [InlineData(HttpRequestError.ConnectionError, true)]
    [InlineData(HttpRequestError.NameResolutionError, true)]
    [InlineData(HttpRequestError.SecureConnectionError, true)]
    [InlineData(HttpRequestError.ProxyTunnelError, true)]
    [InlineData(HttpRequestError.ResponseEnded, false)]
    [InlineData(HttpRequestError.InvalidResponse, false)]
    [InlineData(HttpRequestError.Unknown, false)]
    public void WhereTheSendFailed_DecidesWhetherAnythingWasSent(HttpRequestError stage, bool nothingSent) =>
        Assert.Equal(nothingSent, TransportFailureStage.NothingWasSent(new HttpRequestException(stage, "failed")));

    [Theory]
    [InlineData(SocketError.ConnectionRefused, true)]
    [InlineData(SocketError.HostNotFound, true)]
    [InlineData(SocketError.NetworkUnreachable, true)]
    [InlineData(SocketError.ConnectionReset, false)]
    public void WithoutTheStage_TheSocketErrorDecides(SocketError code, bool nothingSent) =>
        Assert.Equal(nothingSent, TransportFailureStage.NothingWasSent(new HttpRequestException("failed", new SocketException((int)code))));

    [Fact]
    public void ALostRequestThatRecoveryFoundAndCheckedIn_IsToldWithoutTheGeneralMayHave()
    {
        var lost = UnansweredChange.AfterTimeout(new ApiRequest(HttpMethod.Post, "Requests") { Body = "{}" },
            "https://pam.test/BeyondTrust/api/public/v3/Requests", TimeSpan.FromSeconds(1), new OperationCanceledException());

        var told = LostRequestAnswer.Explain(lost, " The server had made the request for web01\\x before its answer was lost; it was found and checked in.");

        Assert.Equal(ErrorIds.Timeout, told.ErrorId);
        Assert.Equal("POST https://pam.test/BeyondTrust/api/public/v3/Requests got no answer within 1 s. The server had made the request for web01\\x "
                     + "before its answer was lost; it was found and checked in.", told.Message);
        Assert.DoesNotContain("may have", told.Message);
        Assert.Equal("Check that the server is reachable and responsive, or connect again with a larger -TimeoutSec.", told.RecommendedAction);
    }

    [Fact]
    public void DisconnectedMidCall_AChangeSaysHowToCheck_AReadOnlyToConnect()
    {
        var change = UnansweredChange.WhileDisconnected(new ApiRequest(HttpMethod.Delete, "Users/5"), "https://pam.test/v3/Users/5", new ObjectDisposedException("client"));
        var read = UnansweredChange.WhileDisconnected(new ApiRequest(HttpMethod.Get, "Users/5"), "https://pam.test/v3/Users/5", new ObjectDisposedException("client"));

        Assert.Equal(ErrorIds.NotConnected, change.ErrorId);
        Assert.Equal("The session was disconnected while DELETE https://pam.test/v3/Users/5 ran and its answer was lost, so the server may have removed user 5 all the same.", change.Message);
        Assert.StartsWith("Run Connect-PasswordSafe to start a new session. Check before retrying: Get-PSUser -UserId 5", change.RecommendedAction);
        Assert.Equal(ErrorIds.NotConnected, read.ErrorId);
        Assert.Equal("The session was disconnected while GET https://pam.test/v3/Users/5 ran, so its answer was lost.", read.Message);
        Assert.Equal("Run Connect-PasswordSafe to start a new session.", read.RecommendedAction);
    }

    private sealed class SlowHandler : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
            return new HttpResponseMessage(System.Net.HttpStatusCode.OK);
        }
    }

    private sealed class ThrowingHandler : HttpMessageHandler
    {
        private readonly Func<Exception> _failure;

        public ThrowingHandler(Func<Exception> failure) => _failure = failure;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => throw _failure();
    }
}
