using System;
using System.Collections;
using System.Linq;
using System.Net;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Admin;
using PasswordSafe.Commands;
using PasswordSafe.Internal;
using PasswordSafe.UnitTests.Module.Admin;
using Xunit;

namespace PasswordSafe.UnitTests.Module.Commands;

/// <summary>
/// System-name completion on a server that caps its pages (never silently capped, issue 3): the envelope's total, not a
/// short page, ends the list; a bare array is a server that sent everything at once.
/// </summary>
public sealed class PagedServerNameListTests
{
    private static readonly string[] Names = { "sys1", "sys2", "sys3", "sys4", "sys5" };

    /// <summary>Answers at most two systems per page whatever limit asks, in a {TotalCount, Data} envelope.</summary>
    private static FakeAdminServer CappingServer() =>
        new FakeAdminServer().Route("GET", "ManagedSystems", r =>
        {
            var offset = int.Parse(Regex.Match(r.Uri.Query, "offset=([0-9]+)").Groups[1].Value);
            var page = Names.Skip(offset).Take(2).Select((n, i) => $"{{\"ManagedSystemID\":{offset + i + 1},\"SystemName\":\"{n}\"}}");
            return FakeAdminServer.Json(HttpStatusCode.OK, $"{{\"TotalCount\":{Names.Length},\"Data\":[{string.Join(",", page)}]}}");
        });

    [Fact]
    public void Completion_ReadsPastShortPages_UntilTheServersTotal()
    {
        var server = CappingServer();
        var bound = new Hashtable { ["Session"] = server.Connect() };

        var offered = new ServerNameCompleter<ManagedSystemNameList>().CompleteArgument("Get-PSManagedSystem", "Name", "sys", null!, bound)
            .Select(r => r.ListItemText).ToList();

        Assert.Equal(Names, offered);
        Assert.Equal(3, server.Calls("GET", "ManagedSystems").Count());
    }

    [Fact]
    public async Task ReadNames_AllAtOnce_ReadsEveryPage()
    {
        var session = CappingServer().Connect();

        var names = await new ManagedSystemNameList().ReadNamesAsync(new AdminClient(session), string.Empty, CancellationToken.None);

        Assert.Equal(Names, names);
    }

    [Fact]
    public void ABareArray_IsTheWholeList_ReadInOneCall()
    {
        var server = new FakeAdminServer().Route("GET", "ManagedSystems", HttpStatusCode.OK,
            "[{\"ManagedSystemID\":1,\"SystemName\":\"sys1\"},{\"ManagedSystemID\":2,\"SystemName\":\"sys2\"}]");

        var names = new ManagedSystemNameList().Cached(new CompletionCache(), "systems", new AdminClient(server.Connect()), string.Empty);

        Assert.Equal(new[] { "sys1", "sys2" }, names);
        Assert.Single(server.Calls("GET", "ManagedSystems"));
    }
}
