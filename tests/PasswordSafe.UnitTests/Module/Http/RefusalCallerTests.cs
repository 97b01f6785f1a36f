using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading;
using PasswordSafe.Admin;
using PasswordSafe.Checkout;
using PasswordSafe.Http;
using PasswordSafe.Internal;
using Xunit;

namespace PasswordSafe.UnitTests.Module;

/// <summary>
/// D1 403: a refusal names who was refused on which server ("CONTOSO\jdoe on pws.example.com"), since a piped object
/// runs in the session it was read with rather than the default; every rewording layer carries it on. The PowerShell
/// side is tests/PasswordSafe.Tests PermissionDeniedCallerTests.
/// </summary>
public class RefusalCallerTests
{
    private static PasswordSafeApiException Refused(string? signedInAs, string reasonCode = "4031", string uri = "https://pws.example.com/BeyondTrust/api/public/v3/ManagedAccounts/3")
    {
        var response = new ApiResponse("PUT", new Uri(uri), 403, "Forbidden", "\"" + reasonCode + "\"", "application/json",
            new Dictionary<string, string>(), null, TimeSpan.Zero) { SignedInAs = signedInAs };
        return StatusErrorMapper.ToException(response);
    }

    [Theory]
    [InlineData(@"CONTOSO\jdoe", "https://pws.example.com/BeyondTrust/api/public/v3/Users", @"CONTOSO\jdoe on pws.example.com")]
    [InlineData("demo", "https://127.0.0.1:8443/BeyondTrust/api/public/v3/Users", "demo on 127.0.0.1:8443")]
    [InlineData("demo", "https://pws.example.com:443/BeyondTrust/api/public/v3/Users", "demo on pws.example.com")]
    public void TheCallerIsTheUserOnTheServersAuthority(string user, string uri, string expected) =>
        Assert.Equal(expected, CallIdentity.Of(user, new Uri(uri))!.ToString());

    [Fact]
    public void NoUser_NoCaller() => Assert.Null(CallIdentity.Of(null, new Uri("https://pws.example.com/")));

    [Fact]
    public void The403_NamesTheCallerInTheMessage_AndTheAdvice_NotTheSignedInUser()
    {
        var error = Refused(@"CONTOSO\jdoe");

        Assert.Equal(ErrorIds.PermissionDenied, error.ErrorId);
        Assert.Contains(@"failed with 403 Forbidden for CONTOSO\jdoe on pws.example.com: 4031", error.Message);
        Assert.DoesNotContain("signed-in user", error.Message);
        Assert.Contains(@"grant CONTOSO\jdoe the role", error.RecommendedAction);
        Assert.Contains("-Session", error.RecommendedAction);
        Assert.Equal(@"CONTOSO\jdoe on pws.example.com", error.Caller!.ToString());
    }

    [Fact]
    public void AnUnknownCaller_KeepsTheGeneralWords()
    {
        var error = Refused(null);

        Assert.Null(error.Caller);
        Assert.DoesNotContain(" for ", error.Message.Substring(0, error.Message.IndexOf(':', 8)));
        Assert.Contains("the signed-in user", error.RecommendedAction);
    }

    [Fact]
    public void OtherStatuses_DoNotNameTheCaller()
    {
        var response = new ApiResponse("GET", new Uri("https://pws.example.com/BeyondTrust/api/public/v3/Users/9"), 404, "Not Found", "\"gone\"",
            "application/json", new Dictionary<string, string>(), null, TimeSpan.Zero) { SignedInAs = "demo" };

        Assert.DoesNotContain("demo", StatusErrorMapper.ToException(response).Message);
    }

    [Fact]
    public void AdminRefusal_NamesTheCallerAndThePermission_AndCarriesItOn()
    {
        var translated = AdminErrors.Translate(Refused(@"CONTOSO\jdoe"), new AdminOperation("Updating", "managed account 3", AdminPermission.Accounts));

        Assert.Equal(@"Updating managed account 3 was denied (reason 4031): CONTOSO\jdoe on pws.example.com lacks the permission for it.", translated.Message);
        Assert.Contains(@"grant it to one of CONTOSO\jdoe's groups", translated.RecommendedAction);
        Assert.Contains("Password Safe Account Management", translated.RecommendedAction);
        Assert.Equal(@"CONTOSO\jdoe on pws.example.com", translated.Caller!.ToString());
        Assert.Equal(ErrorIds.PermissionDenied, translated.ErrorId);
    }

    [Fact]
    public void AdminRefusal_WithoutACaller_KeepsTheGeneralWords()
    {
        var translated = AdminErrors.Translate(Refused(null), new AdminOperation("Updating", "managed account 3", AdminPermission.Accounts));

        Assert.Contains("the signed-in user lacks the permission", translated.Message);
        Assert.Contains("one of the user's groups", translated.RecommendedAction);
    }

    [Fact]
    public void CheckoutRefusals_SaySignedInAsWhom()
    {
        var approve = CheckoutErrors.ForRequestCall(Refused(@"CONTOSO\jdoe", "4033"), @"Approving the request for db01\sa", asApprover: true, approving: true);
        var request = CheckoutErrors.ForNewRequest(Refused("no-role"), @"web01\Administrator");
        var queue = CheckoutErrors.QueueRefused(Refused("no-role", "4033"), "Approver");
        var isa = CheckoutErrors.ForIsaCall(Refused("no-role"), @"lnx01\deploy");

        Assert.Equal(@"Approving the request for db01\sa: permission denied (4033: this call or account is for approvers only), signed in as CONTOSO\jdoe on pws.example.com.", approve.Message);
        Assert.Contains("pass the approver's session with -Session", approve.RecommendedAction);
        Assert.EndsWith(", signed in as no-role on pws.example.com.", request.Message);
        Assert.StartsWith("You may not list the Approver queue (4033", queue.Message);
        Assert.EndsWith(", signed in as no-role on pws.example.com.", queue.Message);
        Assert.EndsWith(", signed in as no-role on pws.example.com.", isa.Message);
        Assert.All(new[] { approve, request, queue, isa }, e => Assert.Equal(ErrorIds.PermissionDenied, e.ErrorId));
    }

    [Fact]
    public void TheSession_StampsItsUserOnItsCalls_TheRefusalNamesIt()
    {
        var handler = new FakeHttpHandler(r => r.IsTo("Auth/SignAppIn")
            ? FakeHttpHandler.Respond(HttpStatusCode.OK, TestSessions.UserJson)
            : FakeHttpHandler.Respond(HttpStatusCode.Forbidden, "\"4031\""));
        var connection = TestSessions.ApiKeySession(handler);
        TestSessions.Sync(connection.ConnectAsync(new RequestLog(), CancellationToken.None));

        var error = Assert.Throws<PasswordSafeApiException>(() => TestSessions.Sync(
            connection.SendCheckedAsync(new ApiRequest(HttpMethod.Delete, "Users/9"), new RequestLog(), CancellationToken.None)));

        Assert.Equal("demo on pam.test", error.Caller!.ToString());
        Assert.Contains("403 Forbidden for demo on pam.test", error.Message);
    }
}
