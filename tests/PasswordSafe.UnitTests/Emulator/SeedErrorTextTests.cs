using System;
using System.IO;
using System.Threading.Tasks;
using PasswordSafe.UnitTests.Emulator.Cli;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

/// <summary>
/// Seed errors say where and what in the seed's own terms: <c>file:line: $.Users[0].IsActive must be true or false</c> —
/// 1-based lines as editors count them, items by place and name, never .NET type names, never the value itself.
/// </summary>
public sealed class SeedErrorTextTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("emulator-seederr-").FullName;

    private string File(string json)
    {
        var path = Path.Combine(_folder, "lab.json");
        System.IO.File.WriteAllText(path, json.Replace('`', '"'));
        return path;
    }

    private static string ErrorOf(string path) => Assert.Throws<SeedException>(() => EmulatorState.FromSeed(EmulatorSeed.Load(path))).Message;

    [Theory]
    [InlineData("`IsActive`: `yes`", "$.Users[0].IsActive must be true or false.")]
    [InlineData("`UserID`: `one`", "$.Users[0].UserID must be a whole number.")]
    [InlineData("`UserName`: 7", "$.Users[0].UserName must be text (a JSON string).")]
    [InlineData("`ClientSecretExpiryDate`: 5", "$.Users[0].ClientSecretExpiryDate must be a date and time as text, e.g. \"2027-01-31T00:00:00Z\".")]
    [InlineData("`TwoFactor`: `Push`", "$.Users[0].TwoFactor must be an object ({ … }).")]
    [InlineData("`UserType`: `Robot`", "$.Users[0].UserType must be one of BeyondInsight, ActiveDirectory, LDAP, Application.")]
    public void AValueOfTheWrongKind_IsNamedByFileLinePath_AndWhatItMustBe(string line4, string expected)
    {
        var path = File("{\n  `Users`: [\n    { `UserID`: 1, `UserName`: `a`,\n      " + line4 + " }\n  ]\n}");

        var message = ErrorOf(path);

        Assert.Equal($"{path}:4: {expected}", message);
        Assert.DoesNotContain("System.", message);
        Assert.DoesNotContain("LineNumber", message);
    }

    [Fact]
    public void AListWhereAnObjectIsExpected_IsNamedToo()
    {
        var path = File("{\n  `Settings`: [ 5 ]\n}");
        Assert.Equal($"{path}:2: $.Settings must be an object ({{ … }}).", ErrorOf(path));
    }

    [Fact]
    public void BrokenJson_SaysWhereWithoutTheReadersPositionTail()
    {
        var path = File("{\n  `Users`: [\n    { `UserID`: 1 `UserName`: `a` }\n  ]\n}");

        var message = ErrorOf(path);

        Assert.StartsWith($"{path}:3: not valid JSON (at $.Users[0]): ", message);
        Assert.DoesNotContain("BytePositionInLine", message);
    }

    [Fact]
    public void AMissingUserId_IsNamedAsMissing_ByPlaceAndNameAndLine()
    {
        var path = File("{\n  `Users`: [\n    { `UserID`: 1, `UserName`: `a` },\n    { `UserID`: 2, `UserName`: `b` },\n    { `UserName`: `alice` }\n  ]\n}");

        Assert.Equal($"{path}:5: $.Users[2] 'alice': UserID is missing (or 0): give each user its own positive UserID.", ErrorOf(path));
    }

    [Fact]
    public void ARepeatedAccessPolicyId_IsSaidSo_NotAsARepeatedSchedule()
    {
        var path = File("{ `AccessPolicies`: [\n { `AccessPolicyID`: 1, `Name`: `A`, `AccessTypes`: [ { `AccessType`: `View` } ] },\n" +
                        " { `AccessPolicyID`: 1, `Name`: `B`, `AccessTypes`: [ { `AccessType`: `View` } ] } ] }");

        Assert.Equal($"{path}:3: $.AccessPolicies[1] 'B' has the same AccessPolicyID as $.AccessPolicies[0] 'A': give each access policy its own AccessPolicyID.",
            ErrorOf(path));
    }

    [Fact]
    public void ASemanticErrorDeepInAList_NamesTheFileAndTheItemsLine()
    {
        var path = File("{\n `ManagedSystems`: [ { `ManagedSystemID`: 1, `SystemName`: `s` } ],\n `ManagedAccounts`: [\n" +
                        "  { `ManagedAccountID`: 1, `ManagedSystemID`: 1, `AccountName`: `ok`, `Password`: `p` },\n" +
                        "  { `ManagedAccountID`: 2, `ManagedSystemID`: 1, `AccountName`: `nopass` }\n ]\n}");

        Assert.Equal($"{path}:5: $.ManagedAccounts[1] 'nopass': give a Password, a PrivateKey (DSS key), or both.", ErrorOf(path));
    }

    [Fact]
    public void AMissingSeedFile_NamesTheOptionAndTheFile()
    {
        var path = Path.Combine(_folder, "none.json");
        Assert.Equal($"--seed: the file '{path}' does not exist.", Assert.Throws<SeedException>(() => EmulatorSeed.Load(path)).Message);
    }

    [Fact]
    public void AnItemATestPutIntoALoadedSeed_IsNamedByPlace_WithoutAWrongLine()
    {
        var seed = EmulatorSeed.LoadDemo();
        seed.Users.Insert(0, new SeedUser { UserID = 0, UserName = "added" });

        var message = Assert.Throws<SeedException>(() => EmulatorState.FromSeed(seed)).Message;

        Assert.Equal("$.Users[0] 'added': UserID is missing (or 0): give each user its own positive UserID.", message);
    }

    [Fact]
    public async Task TheCli_PrintsTheLocatedError_AndExits2()
    {
        var path = File("{\n  `Users`: [ { `UserID`: 1, `UserName`: `a`, `IsActive`: 1 } ]\n}");

        await using var run = await EmulatorProgramRun.StartAsync("--port", "0", "--seed", path);

        Assert.Equal(2, await run.ExitCodeAsync());
        Assert.Equal($"{path}:2: $.Users[0].IsActive must be true or false.", run.Error.Trim());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
