using System;
using System.Collections.Generic;
using System.Linq;
using PasswordSafe.Admin;
using Xunit;

namespace PasswordSafe.UnitTests.Module.Admin;

/// <summary>
/// Which given values differ from the object's current ones (Set- cmdlets send a PUT only for those): compared as the
/// server means them, whatever form the server's answer or the user's typing gives them.
/// </summary>
public class ChangedFieldsTests
{
    private static IReadOnlyList<string> Changed(IEnumerable<FieldSpec> specs, object?[] given, object?[] current)
    {
        var list = specs.ToList();
        var changes = new Dictionary<string, object?>();
        var baseline = new Dictionary<string, object?>();
        for (var i = 0; i < list.Count; i++)
        {
            changes[list[i].WireName] = given[i];
            baseline[list[i].WireName] = current[i];
        }

        return ChangedFields.Of(list, changes, baseline).Select(f => f.ParameterName).ToList();
    }

    [Theory]
    [InlineData("db01", "db01", false)]
    [InlineData("DB01", "db01", true)]      // names keep their case: a change
    [InlineData("", null, false)]           // clearing what is not set changes nothing
    [InlineData(null, "", false)]
    [InlineData("x", null, true)]
    public void Text_ComparesOrdinally_EmptyAndAbsentAreTheSame(string? given, string? current, bool changed) =>
        Assert.Equal(changed, Changed(new[] { FieldSpec.Text("Description", "Description", 255) }, new object?[] { given }, new object?[] { current }).Count == 1);

    [Theory]
    [InlineData(90, 90L, false)]            // the server's JSON number arrives as a long
    [InlineData(90, "90", false)]
    [InlineData(90, 120L, true)]
    [InlineData(90, null, true)]
    public void Integer_ComparesTheNumber_WhateverItsType(object given, object? current, bool changed) =>
        Assert.Equal(changed, Changed(new[] { FieldSpec.Integer("ReleaseDuration", "ReleaseDuration", 1, 525600) }, new[] { given }, new[] { current }).Count == 1);

    [Theory]
    [InlineData(true, true, false)]
    [InlineData(false, "False", false)]
    [InlineData(true, false, true)]
    [InlineData(false, null, true)]         // a flag the server does not show is sent
    public void Flag_ComparesTheBoolean(bool given, object? current, bool changed) =>
        Assert.Equal(changed, Changed(new[] { FieldSpec.Flag("ApiEnabled", "ApiEnabled") }, new object[] { given }, new[] { current }).Count == 1);

    [Theory]
    [InlineData("FIRST", "first", false)]   // a listed value in any case
    [InlineData("last", "first", true)]
    public void Choice_IgnoresCase(string given, string current, bool changed) =>
        Assert.Equal(changed, Changed(new[] { FieldSpec.Choice("ChangeFrequencyType", "ChangeFrequencyType", "first", "last", "xdays") },
            new object[] { given }, new object[] { current }).Count == 1);

    [Theory]
    [InlineData("2030-01-31", "2030-01-31T00:00:00", false)]
    [InlineData("2030-01-31", "2030-01-31", false)]
    [InlineData("2030-01-31", "2030-02-01T00:00:00Z", true)]
    [InlineData("2030-01-31", null, true)]
    public void Date_ComparesTheDay_TheTimeTheServerAddsDoesNotCount(string given, string? current, bool changed) =>
        Assert.Equal(changed, Changed(new[] { FieldSpec.Date("NextChangeDate", "NextChangeDate") }, new object[] { given }, new object?[] { current }).Count == 1);

    [Fact]
    public void Date_GivenAsADateTime_IsTheSameDay()
    {
        var changed = Changed(new[] { FieldSpec.Date("NextChangeDate", "NextChangeDate") }, new object[] { new DateTime(2030, 1, 31, 15, 0, 0) },
            new object[] { "2030-01-31T00:00:00" });

        Assert.Empty(changed);
    }

    [Fact]
    public void Secret_IsAlwaysAChange_TheServerNeverShowsIt()
    {
        var changed = Changed(new[] { FieldSpec.Secret("Password", "Password") }, new object[] { "same" }, new object[] { "same" });

        Assert.Equal(new[] { "Password" }, changed);
    }

    [Fact]
    public void OnlyTheGivenFieldsAreCompared_InTableOrder_ByTheirParameterNames()
    {
        var specs = new[]
        {
            FieldSpec.Text("Description", "Description", 255), FieldSpec.Flag("ApiEnabled", "ApiEnabled"),
            FieldSpec.Integer("MaxConcurrentRequests", "MaxConcurrentRequests", 0, 999), FieldSpec.Flag("CheckPassword", "CheckPasswordFlag"),
        };
        var changes = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase) { ["checkpasswordflag"] = true, ["Description"] = "new", ["ApiEnabled"] = true };
        var baseline = new Dictionary<string, object?> { ["Description"] = "old", ["ApiEnabled"] = true, ["MaxConcurrentRequests"] = 1L, ["CheckPasswordFlag"] = false };

        var changed = ChangedFields.Of(specs, changes, baseline).Select(f => f.ParameterName).ToArray();

        Assert.Equal(new[] { "Description", "CheckPassword" }, changed);
    }

    [Fact]
    public void AGivenValueBeyondItsLimits_IsRefused_AsTheBodyWouldBe()
    {
        var error = Assert.Throws<Http.PasswordSafeException>(() =>
            Changed(new[] { FieldSpec.Integer("ReleaseDuration", "ReleaseDuration", 1, 525600) }, new object[] { 0 }, new object[] { 0L }));

        Assert.Equal("ValidationFailed", error.ErrorId);
    }
}
