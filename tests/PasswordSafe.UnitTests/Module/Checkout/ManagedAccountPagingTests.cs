using System.Linq;
using System.Management.Automation;
using System.Net;
using Xunit;

namespace PasswordSafe.UnitTests.Module.Checkout;

/// <summary>E1 "find the account": limit/offset paging, -First/-Skip, the object-vs-array rule (api-v3 §2.1).</summary>
public class ManagedAccountPagingTests
{
    [Fact]
    public void E1_Listing_PagesUntilAShortPage_NeverCapped()
    {
        using var ps = new CheckoutRunspace(new FakeCheckoutServer(accountCount: 5));

        var accounts = ps.Invoke("Get-PSManagedAccount -PageSize 2");

        Assert.Equal(5, accounts.Count);
        Assert.All(accounts, a => Assert.IsType<ManagedAccount>(a.BaseObject));
        Assert.Equal(new[] { "limit=2&offset=0", "limit=2&offset=2", "limit=2&offset=4" },
            ps.Server.Calls("GET", "ManagedAccounts").Select(r => r.Uri.Query.TrimStart('?')));
    }

    [Fact]
    public void E1_First_StopsFetchingOnceSatisfied_AndSkipIsTheOffset()
    {
        using var ps = new CheckoutRunspace(new FakeCheckoutServer(accountCount: 10));

        var accounts = ps.Invoke("Get-PSManagedAccount -PageSize 2 -Skip 1 -First 3");

        Assert.Equal(new[] { 202, 203, 204 }, accounts.Select(a => ((ManagedAccount)a.BaseObject).AccountId));
        // Pages of 2 then 1: nothing past the third account is fetched.
        Assert.Equal(new[] { "limit=2&offset=1", "limit=1&offset=3" },
            ps.Server.Calls("GET", "ManagedAccounts").Select(r => r.Uri.Query.TrimStart('?')));
    }

    [Fact]
    public void IncludeTotalCount_IsExactWhenListedToTheEnd_AndCountedWhenStoppedEarly()
    {
        using var ps = new CheckoutRunspace(new FakeCheckoutServer(accountCount: 5));

        // The total-count object's ToString is a script method, so it is read inside the runspace.
        var full = ps.Invoke("$all = @(Get-PSManagedAccount -IncludeTotalCount -PageSize 2); $all.Count; [string]$all[-1]");
        var callsForFull = ps.Server.Calls("GET", "ManagedAccounts").Count();
        var partial = ps.Invoke("$all = @(Get-PSManagedAccount -IncludeTotalCount -First 2 -PageSize 2); $all.Count; $all[-1].ToString()");

        Assert.Equal(6, (int)full[0].BaseObject); // 5 accounts + the total
        Assert.Equal("5", full[1].ToString());
        Assert.Equal(3, callsForFull); // the pages themselves showed the end: no extra read
        Assert.Equal(3, (int)partial[0].BaseObject);
        // Stopped after two accounts, the total is still the server's five, counted with small reads past them.
        Assert.Equal("Total count: 5", partial[1].ToString());
    }

    [Fact]
    public void IncludeTotalCount_SkipPastTheEnd_IsTheServersTotal_NotTheSkip()
    {
        using var ps = new CheckoutRunspace(new FakeCheckoutServer(accountCount: 5));

        var output = ps.Invoke("$all = @(Get-PSManagedAccount -Skip 10 -IncludeTotalCount); $all.Count; $all[-1].ToString()");

        Assert.Equal(1, (int)output[0].BaseObject);
        Assert.Equal("Total count: 5", output[1].ToString());
    }

    [Fact]
    public void BothNames_SingleObjectAnswer_SkipAppliesToIt_TotalIsOne()
    {
        using var ps = new CheckoutRunspace(new FakeCheckoutServer());

        var skipped = ps.Invoke("$all = @(Get-PSManagedAccount -SystemName srv1 -AccountName admin1 -Skip 4 -IncludeTotalCount); $all.Count; $all[-1].ToString()");
        var kept = ps.Invoke("$all = @(Get-PSManagedAccount -SystemName srv1 -AccountName admin1 -IncludeTotalCount); $all[0].AccountId; $all[-1].ToString()");

        Assert.Equal(1, (int)skipped[0].BaseObject); // only the total
        Assert.Equal("Total count: 1", skipped[1].ToString());
        Assert.Equal(201, (int)kept[0].BaseObject);
        Assert.Equal("Total count: 1", kept[1].ToString());
    }

    [Fact]
    public void TotalCount_FromAnEnvelope_IsReported()
    {
        var server = new FakeCheckoutServer(accountCount: 0);
        server.Override = r => r.IsTo("ManagedAccounts")
            ? FakeCheckoutServer.Json(HttpStatusCode.OK, "{\"TotalCount\":42,\"Data\":[{\"SystemId\":1,\"AccountId\":2,\"SystemName\":\"s\",\"AccountName\":\"a\"}]}")
            : null;
        using var ps = new CheckoutRunspace(server);

        var output = ps.Invoke("[string](@(Get-PSManagedAccount -IncludeTotalCount -PageSize 1 -First 1)[-1])");

        Assert.Equal("42", output.Single().ToString());
    }

    [Fact]
    public void BothNames_SingleObjectAnswer_IsOneAccount()
    {
        using var ps = new CheckoutRunspace(new FakeCheckoutServer());

        var account = (ManagedAccount)Assert.Single(ps.Invoke("Get-PSManagedAccount -SystemName srv1 -AccountName admin1")).BaseObject;

        Assert.Equal(101, account.SystemId);
        Assert.Equal(201, account.AccountId);
        Assert.Equal(@"CONTOSO\admin1", account.UserName);
        Assert.Same(ps.Session, account.Session);
    }

    [Fact]
    public void BothNames_404_IsNoMatch_NotAnError()
    {
        using var ps = new CheckoutRunspace(new FakeCheckoutServer());

        Assert.Empty(ps.Invoke("Get-PSManagedAccount -SystemName srv1 -AccountName nobody"));
    }

    [Fact]
    public void Filters_AreSentAsQueryParameters()
    {
        using var ps = new CheckoutRunspace(new FakeCheckoutServer(accountCount: 0));

        ps.Invoke("Get-PSManagedAccount -SystemId 7 -WorkgroupName 'W G' -IPAddress 10.0.0.1 -ApplicationDisplayName App1");

        var query = ps.Server.Calls("GET", "ManagedAccounts").Single().Uri.Query;
        Assert.Equal("?systemID=7&workgroupName=W%20G&type=application&ipAddress=10.0.0.1&applicationDisplayName=App1&limit=1000&offset=0", query);
    }

    [Fact]
    public void ServerFailure_IsANonTerminatingErrorWithTheStableId()
    {
        // A failed listing is non-terminating in every Get- cmdlet (tests/PasswordSafe.Tests ListingFailureTests): -ErrorAction
        // Stop makes it catchable with the same id and category, and without it the script goes on.
        var server = new FakeCheckoutServer();
        server.Override = r => r.IsTo("ManagedAccounts") ? FakeCheckoutServer.Json(HttpStatusCode.Forbidden, "4031") : null;
        using var ps = new CheckoutRunspace(server);

        var output = ps.Invoke("try { Get-PSManagedAccount -ErrorAction Stop; 'not reached' } catch { $_.FullyQualifiedErrorId; $_.CategoryInfo.Category }\n" +
                               "Get-PSManagedAccount -ErrorAction SilentlyContinue -ErrorVariable failed; 'went on'; $failed[0].TargetObject");

        Assert.Equal("PermissionDenied,PasswordSafe.Commands.GetPSManagedAccountCommand", output[0].ToString());
        Assert.Equal("PermissionDenied", output[1].ToString());
        Assert.Equal(new[] { "went on", "every account listed for you" }, output.Skip(2).Select(o => o.ToString()).ToArray());
    }
}
