using System;
using System.Linq;
using System.Management.Automation;
using PasswordSafe.Commands;
using Xunit;

namespace PasswordSafe.UnitTests.Module.Commands;

/// <summary>
/// The pieces the piped-record rules rest on: CSV text for switches, empty cells for validated numbers, the listed
/// values offered where [ValidateSet] is not used, and what a cmdlet's [Parameter] attributes say about the pipeline.
/// </summary>
public class PipelineInputMetadataTests
{
    [Theory]
    [InlineData("true", true)]
    [InlineData(" TRUE ", true)]
    [InlineData("1", true)]
    [InlineData("Yes", true)]
    [InlineData("$true", true)]
    [InlineData("false", false)]
    [InlineData("0", false)]
    [InlineData("no", false)]
    [InlineData("$False", false)]
    public void BooleanText_TheWaysACsvCellSaysTrueOrFalse(string text, bool expected) =>
        Assert.Equal(expected, new BooleanTextAttribute().Transform(null!, new PSObject(text)));

    [Fact]
    public void BooleanText_OtherTextIsAnErrorNamingIt_EmptyCellsAndNonTextPassThrough()
    {
        var attribute = new BooleanTextAttribute();

        var error = Assert.Throws<ArgumentTransformationMetadataException>(() => attribute.Transform(null!, "maybe"));

        Assert.Equal("'maybe' is not True or False: write True or False, 1 or 0, Yes or No.", error.Message);
        Assert.Equal(string.Empty, attribute.Transform(null!, string.Empty));
        Assert.Equal(true, attribute.Transform(null!, true));
        Assert.Equal(new SwitchParameter(true), attribute.Transform(null!, new SwitchParameter(true)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void EmptyIsNotGiven_AnEmptyValueBecomesOneNoNumberConvertsFrom(string? empty)
    {
        var transformed = new EmptyIsNotGivenAttribute().Transform(null!, empty);

        Assert.Throws<PSInvalidCastException>(() => LanguagePrimitives.ConvertTo(transformed, typeof(int)));
        Assert.Equal("(empty)", transformed!.ToString());
    }

    [Fact]
    public void EmptyIsNotGiven_AValuePassesThrough()
    {
        var attribute = new EmptyIsNotGivenAttribute();

        Assert.Equal("15", attribute.Transform(null!, "15"));
        Assert.Equal(15, attribute.Transform(null!, 15));
        Assert.True(attribute.TransformNullOptionalParameters);
    }

    [Theory]
    [InlineData("ChangeFrequencyType", "", new[] { "first", "last", "xdays" })]
    [InlineData("ChangeFrequencyType", "x", new[] { "xdays" })]
    [InlineData("RemoteClientType", "'e", new[] { "EPM" })]
    [InlineData("Type", "apiA", new[] { "ApiAccessPolicy" })]
    [InlineData("Name", "", new string[0])]
    public void ListedValueCompleter_OffersTheListedValuesThatStartWithWhatWasTyped(string parameter, string typed, string[] expected) =>
        Assert.Equal(expected, new ListedValueCompleter().CompleteArgument("New-PSManagedSystem", parameter, typed, null!, null!).Select(r => r.CompletionText));

    [Fact]
    public void PipelineParameter_ReadsSetsAliasesAndPlumbingFromTheAttributes()
    {
        var systems = PipelineParameter.Of(typeof(GetPSManagedSystemCommand));
        var assetId = systems.Single(p => p.Name == "AssetId");
        var systemId = systems.Single(p => p.Name == "ManagedSystemId");
        var stop = PipelineParameter.Of(typeof(StopPSRequestCommand));

        Assert.True(assetId.ByPropertyName("ByAsset"));
        Assert.False(assetId.ByPropertyName("ById"));
        Assert.True(assetId.IsMandatory("ByAsset"));
        Assert.False(assetId.IsMandatory("ById"));
        Assert.Equal(new[] { "SystemId", "Id" }, systemId.Aliases);
        Assert.True(systems.Single(p => p.Name == "Session").ByPropertyName("List"));
        Assert.True(stop.Single(p => p.Name == "InputObject").IsPlumbing);
        Assert.False(stop.Single(p => p.Name == "ManagedAccountId").IsPlumbing);
        Assert.True(PipelineParameter.Of(typeof(SetPSManagedAccountCredentialCommand)).Single(p => p.Name == "Password").IsSecret);
    }
}
