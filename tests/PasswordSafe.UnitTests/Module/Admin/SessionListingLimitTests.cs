using System.Linq;
using System.Net;
using System.Text;
using Xunit;

namespace PasswordSafe.UnitTests.Module.Admin;

/// <summary>
/// Never silently capped (issue 3, users.md "paging and large lists"): GET Sessions answers at most 100,000 rows and
/// does not say when there are more (api-v3 §0), so Get-PSAccessSession warns when a listing is that full.
/// </summary>
public sealed class SessionListingLimitTests
{
    private static FakeAdminServer ServerListing(int sessions)
    {
        var rows = new StringBuilder("[");
        for (var i = 1; i <= sessions; i++)
        {
            rows.Append(i == 1 ? "" : ",").Append("{\"SessionID\":").Append(i).Append(",\"Status\":1,\"Protocol\":1,\"ManagedAccountID\":4}");
        }

        var body = rows.Append(']').ToString();
        return new FakeAdminServer().Route("GET", "Sessions", HttpStatusCode.OK, body);
    }

    [Fact]
    public void E2_AListingOfTheServersLimit_IsWrittenWhole_AndWarnsThatThereMayBeMore()
    {
        using var ps = new AdminRunspace(ServerListing(100000));

        var (output, shell) = ps.Run("$n = 0; Get-PSAccessSession -Status InProgress | ForEach-Object { $n++ }; $n");
        using (shell)
        {
            Assert.Equal(100000, (int)Assert.Single(output).BaseObject);
            Assert.Empty(shell.Streams.Error);
            var warning = Assert.Single(shell.Streams.Warning).Message;
            Assert.Equal("The server answered 100,000 InProgress sessions, the most it lists in one answer: there may be more that it did not send. "
                + "Narrow the listing with -Status or -UserId.", warning);
        }
    }

    [Fact]
    public void E2_AListingBelowTheLimit_DoesNotWarn()
    {
        using var ps = new AdminRunspace(ServerListing(99999));

        var (output, shell) = ps.Run("@(Get-PSAccessSession).Count");
        using (shell)
        {
            Assert.Equal(99999, (int)Assert.Single(output).BaseObject);
            Assert.Empty(shell.Streams.Warning);
        }
    }
}
