using PasswordSafe.Admin;
using Xunit;

namespace PasswordSafe.UnitTests.Module.Admin;

/// <summary>
/// Which workgroup names go into Workgroups/{name}/Assets as they are, and which are looked up to their id first:
/// anything .NET Framework's legacy System.Uri (Windows PowerShell 5.1) could change on the way, or that reads as an id.
/// </summary>
public class WorkgroupNameTests
{
    [Theory]
    [InlineData("Default Workgroup")]
    [InlineData("East")]
    [InlineData("Lab-2_b")]
    [InlineData("corp.example")]
    [InlineData("Datacenter A")]
    public void PlainNames_GoIntoThePath(string name) => Assert.False(AssetService.NameNeedsId(name));

    [Theory]
    [InlineData("Lab/Prod")]        // %2F unescaped by the legacy Uri: another path
    [InlineData(@"A\B")]            // %5C likewise
    [InlineData("Corp.")]           // trailing dot stripped
    [InlineData(".")]
    [InlineData("..")]              // dot segment collapsed
    [InlineData("42")]              // reads as workgroup 42
    [InlineData("50% off")]
    [InlineData("a?b")]
    [InlineData("a#b")]
    [InlineData("Z\u00FCrich")]
    [InlineData(" padded ")]
    [InlineData("")]
    public void NamesAPathCouldChange_AreLookedUpToTheirId(string name) => Assert.True(AssetService.NameNeedsId(name));
}
