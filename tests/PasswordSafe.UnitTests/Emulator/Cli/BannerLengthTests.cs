using System.IO;
using System.Linq;
using System.Threading.Tasks;
using PasswordSafe.Emulator.Cli;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator.Cli;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

/// <summary>The start banner stays short for a large seed: ten run-as users (and application users), then how many more.</summary>
public class BannerLengthTests
{
    [Fact]
    public async Task AFiftyThousandUserSeed_NamesTenRunAsUsers_AndCountsTheRest()
    {
        var seed = EmulatorSeed.LoadDemo();
        var group = seed.UserGroups.Single(g => g.GroupID == DemoSeed.ApiUsersGroupId);
        for (var i = 1; i <= 50_000; i++)
        {
            seed.Users.Add(new SeedUser { UserID = 1000 + i, UserName = $"u{i}", Password = "x" });
            group.Members.Add(1000 + i);
        }
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { Seed = seed });
        var text = new StringWriter();

        ConnectionBanner.Write(text, server, isDemoSeed: false);

        var banner = text.ToString();
        Assert.True(banner.Length < 10_000, $"The banner is {banner.Length:N0} characters long.");
        var runAs = banner.Split('\n').First(l => l.Contains("run-as users:")).TrimEnd('\r');
        // Ten named (the demo's own users first, then u1…), then the count of the others granted the key (A7).
        var granted = server.State.Users.Count(u => u.UserType != UserType.Application && server.State.GroupsOf(u.UserId)
            .Any(g => g.IsActive && g.ApplicationRegistrationIds.Contains(DemoSeed.ApiKeyRegistrationId)));
        Assert.EndsWith($", … and {granted - 10:N0} more", runAs);
        Assert.Equal(10, runAs[(runAs.IndexOf(':') + 1)..runAs.IndexOf(", …")].Split(", ").Length);
    }

    [Theory]
    [InlineData(0, "(none: no active group grants this registration)")]
    [InlineData(3, "n1, n2, n3")]
    [InlineData(10, "n1, n2, n3, n4, n5, n6, n7, n8, n9, n10")]
    [InlineData(11, "n1, n2, n3, n4, n5, n6, n7, n8, n9, n10, … and 1 more")]
    [InlineData(1234, "n1, n2, n3, n4, n5, n6, n7, n8, n9, n10, … and 1,224 more")]
    public void Shortened_NamesUpToTen_ThenCounts(int total, string expected)
    {
        var names = Enumerable.Range(1, System.Math.Min(total, ConnectionBanner.MaxListed + 1)).Select(i => $"n{i}").ToList();
        Assert.Equal(expected, ConnectionBanner.Shortened(names, total));
    }
}
