using System.Collections.Generic;
using System.Linq;
using PasswordSafe.Admin;
using Xunit;

namespace PasswordSafe.UnitTests.Module.Admin;

/// <summary>
/// What Grant-/Revoke-PSUserGroupPermission work out before sending: the set a group holds afterwards (permission id →
/// access level id), what is granted, kept, removed or already so, and whether every permission must be removed first
/// (the API documents no call that takes one away).
/// </summary>
public class GroupPermissionChangeTests
{
    private static readonly IReadOnlyDictionary<int, int> Held = new Dictionary<int, int> { [1] = 2, [4] = 1 };

    [Fact]
    public void Grant_AddsToWhatIsHeld_KeepsTheRest_NeedsNoRemoval()
    {
        var change = GroupPermissionChange.Grant(Held, new[] { 5 }, 1, replace: false);

        Assert.Equal(new[] { Pair(1, 2), Pair(4, 1), Pair(5, 1) }, change.Result);
        Assert.Equal(new[] { 5 }, change.Granted);
        Assert.Equal(new[] { 1, 4 }, change.Kept);
        Assert.Empty(change.Removed);
        Assert.True(change.ChangesAnything);
        Assert.False(change.RemovesAny);
    }

    [Fact]
    public void Grant_AtAnotherLevel_ChangesTheLevel_WithoutRemovingFirst()
    {
        var change = GroupPermissionChange.Grant(Held, new[] { 1 }, 1, replace: false);

        Assert.Equal(new[] { Pair(1, 1), Pair(4, 1) }, change.Result);
        Assert.Equal(new[] { 1 }, change.Granted);
        Assert.Equal(new[] { 4 }, change.Kept);
        Assert.False(change.RemovesAny);
    }

    [Fact]
    public void Grant_WhatIsHeldAtThatLevel_ChangesNothing()
    {
        var change = GroupPermissionChange.Grant(Held, new[] { 4, 4 }, 1, replace: false);

        Assert.False(change.ChangesAnything);
        Assert.Equal(new[] { 4 }, change.Unchanged);
        Assert.Empty(change.Granted);
    }

    [Fact]
    public void GrantReplace_DropsWhatIsNotGiven_SoEverythingIsRemovedFirst()
    {
        var change = GroupPermissionChange.Grant(Held, new[] { 4, 5 }, 1, replace: true);

        Assert.Equal(new[] { Pair(4, 1), Pair(5, 1) }, change.Result);
        Assert.Equal(new[] { 5 }, change.Granted);
        Assert.Equal(new[] { 4 }, change.Unchanged);
        Assert.Equal(new[] { 1 }, change.Removed);
        Assert.Empty(change.Kept);
        Assert.True(change.RemovesAny);
    }

    [Fact]
    public void GrantReplace_WithNothingElseHeld_IsAPlainAssignment()
    {
        var change = GroupPermissionChange.Grant(new Dictionary<int, int>(), new[] { 2 }, 2, replace: true);

        Assert.Equal(new[] { Pair(2, 2) }, change.Result);
        Assert.False(change.RemovesAny);
    }

    [Fact]
    public void Revoke_TakesTheNamedOnes_KeepsTheRest_NotesWhatWasNotHeld()
    {
        var change = GroupPermissionChange.Revoke(Held, new[] { 1, 9 });

        Assert.Equal(new[] { Pair(4, 1) }, change.Result);
        Assert.Equal(new[] { 1 }, change.Removed);
        Assert.Equal(new[] { 4 }, change.Kept);
        Assert.Equal(new[] { 9 }, change.NotHeld);
        Assert.True(change.RemovesAny);
    }

    [Fact]
    public void Revoke_NothingHeldOfThose_ChangesNothing()
    {
        var change = GroupPermissionChange.Revoke(Held, new[] { 7 });

        Assert.False(change.ChangesAnything);
        Assert.Equal(new[] { 7 }, change.NotHeld);
        Assert.Equal(2, change.Result.Count);
    }

    [Fact]
    public void RevokeAll_LeavesNothing_AndOnAGroupHoldingNothing_ChangesNothing()
    {
        var all = GroupPermissionChange.Revoke(Held, null);
        var none = GroupPermissionChange.Revoke(new Dictionary<int, int>(), null);

        Assert.Empty(all.Result);
        Assert.Equal(new[] { 1, 4 }, all.Removed);
        Assert.False(none.ChangesAnything);
        Assert.Empty(none.NotHeld);
    }

    private static KeyValuePair<int, int> Pair(int permissionId, int accessLevelId) => new KeyValuePair<int, int>(permissionId, accessLevelId);
}
