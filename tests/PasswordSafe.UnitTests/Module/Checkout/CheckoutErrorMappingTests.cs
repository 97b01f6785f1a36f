using System.Linq;
using System.Net;
using Xunit;

namespace PasswordSafe.UnitTests.Module.Checkout;

/// <summary>D1 reason codes on the checkout calls become distinct, actionable error ids (never with the request id).</summary>
public class CheckoutErrorMappingTests
{
    [Theory]
    [InlineData(HttpStatusCode.Forbidden, "4034", "RequestNotApproved", "ResourceUnavailable")]
    [InlineData(HttpStatusCode.Forbidden, "\"4031\"", "PermissionDenied", "PermissionDenied")]
    public void D1_GetCredential_Errors(HttpStatusCode status, string body, string errorId, string category)
    {
        var server = new FakeCheckoutServer();
        server.Override = r => r.Path.Contains("/Credentials/") ? FakeCheckoutServer.Json(status, body) : null;
        using var ps = new CheckoutRunspace(server);
        ps.Invoke("New-PSRequest -SystemId 101 -AccountId 201");

        var output = ps.Invoke("Get-PSRequest | Get-PSCredential 2>&1 | ForEach-Object { $_.FullyQualifiedErrorId; [string]$_.CategoryInfo.Category; $_.ErrorDetails.Message; $_.CategoryInfo.TargetName }");

        Assert.Equal(errorId + ",PasswordSafe.Commands.GetPSCredentialCommand", output[0].ToString());
        Assert.Equal(category, output[1].ToString());
        Assert.DoesNotContain(FakeCheckoutServer.FirstRequestId.ToString(), string.Join(" ", output.Select(o => o?.ToString())));
    }

    [Theory]
    [InlineData("[]", "RequestNotActive")] // no longer listed: it ended
    [InlineData(null, "ObjectNotFound")]   // still listed active: the account has no credential of that type
    public void D1_GetCredential_404_RequestNotActive_OnlyWhenTheRequestIsNoLongerActive(string? requestList, string errorId)
    {
        var server = new FakeCheckoutServer();
        using var ps = new CheckoutRunspace(server);
        ps.Invoke("$r = New-PSRequest -SystemId 101 -AccountId 201");
        server.Override = r => r.Path.Contains("/Credentials/") ? FakeCheckoutServer.Json(HttpStatusCode.NotFound, "\"Request not found\"")
            : requestList != null && r.Method == "GET" && r.IsTo("/Requests") ? FakeCheckoutServer.Json(HttpStatusCode.OK, requestList) : null;

        var output = ps.Invoke("$r | Get-PSCredential -Type DssKey 2>&1 | ForEach-Object { $_.FullyQualifiedErrorId; [string]$_.CategoryInfo.Category; $_.ErrorDetails.Message }");

        Assert.Equal(errorId + ",PasswordSafe.Commands.GetPSCredentialCommand", output[0].ToString());
        Assert.Equal("ObjectNotFound", output[1].ToString());
        Assert.Contains("the server said: Request not found", output[2].ToString());
        Assert.DoesNotContain(FakeCheckoutServer.FirstRequestId.ToString(), string.Join(" ", output.Select(o => o?.ToString())));
    }

    [Fact]
    public void D1_Conflict4091_SuggestsTheConflictOptions()
    {
        var server = new FakeCheckoutServer();
        server.Override = r => r.Method == "POST" && r.IsTo("Requests") && !r.Body!.Contains("ConflictOption")
            ? FakeCheckoutServer.Json(HttpStatusCode.Conflict, "4091") : null;
        using var ps = new CheckoutRunspace(server);

        var output = ps.Invoke("New-PSRequest -SystemId 101 -AccountId 201 2>&1 | ForEach-Object { $_.FullyQualifiedErrorId; [string]$_.CategoryInfo.Category; $_.ErrorDetails.Message + ' ' + $_.ErrorDetails.RecommendedAction }");
        var reused = ps.Invoke("New-PSRequest -SystemId 101 -AccountId 201 -ConflictOption Reuse");

        Assert.Equal("Conflict,PasswordSafe.Commands.NewPSRequestCommand", output[0].ToString());
        Assert.Equal("ResourceExists", output[1].ToString());
        Assert.Contains("-ConflictOption Reuse", output[2].ToString());
        Assert.Contains("Renew", output[2].ToString());
        Assert.Single(reused);
        Assert.Contains("\"ConflictOption\":\"reuse\"", server.Calls("POST", "Requests").Last().Body);
    }

    [Fact]
    public void D1_Permission4031_OnNewRequest_IsPermissionDenied()
    {
        var server = new FakeCheckoutServer();
        server.Override = r => r.Method == "POST" && r.IsTo("Requests") ? FakeCheckoutServer.Json(HttpStatusCode.Forbidden, "4031") : null;
        using var ps = new CheckoutRunspace(server);

        var output = ps.Invoke("New-PSRequest -SystemId 101 -AccountId 201 2>&1 | ForEach-Object { $_.FullyQualifiedErrorId; $_.Exception.ReasonCode }");

        Assert.Equal("PermissionDenied,PasswordSafe.Commands.NewPSRequestCommand", output[0].ToString());
        Assert.Equal(4031, (int)output[1].BaseObject);
    }

    [Fact]
    public void CheckIn_OfAnExpiredRequest_IsRequestNotActive()
    {
        using var ps = new CheckoutRunspace(new FakeCheckoutServer());

        var output = ps.Invoke("Complete-PSRequest -RequestId 5 2>&1 | ForEach-Object { $_.FullyQualifiedErrorId; $_.CategoryInfo.TargetName }");

        Assert.Equal("RequestNotActive,PasswordSafe.Commands.CompletePSRequestCommand", output[0].ToString());
        Assert.Equal("request ****", output[1].ToString());
    }

    [Fact]
    public void UnknownNames_AreAccountNotFound()
    {
        using var ps = new CheckoutRunspace(new FakeCheckoutServer());

        var output = ps.Invoke("New-PSRequest -SystemName nosuch -AccountName x 2>&1 | ForEach-Object { $_.FullyQualifiedErrorId; [string]$_.CategoryInfo.Category }");

        Assert.Equal("AccountNotFound,PasswordSafe.Commands.NewPSRequestCommand", output[0].ToString());
        Assert.Equal("ObjectNotFound", output[1].ToString());
    }

    [Fact]
    public void AsSecureStringWithAsPlainText_IsRefused()
    {
        using var ps = new CheckoutRunspace(new FakeCheckoutServer());

        var output = ps.Invoke("try { Get-PSCredential -RequestId 1 -AsSecureString -AsPlainText } catch { $_.FullyQualifiedErrorId }");

        Assert.Equal("ValidationFailed,PasswordSafe.Commands.GetPSCredentialCommand", Assert.Single(output).ToString());
    }
}
