using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;


namespace PasswordSafe.Commands;

/// <summary>
/// For -RoleId taking a role grant's <c>Roles</c> by property name (Get-PSUserGroupRole | Grant-PSUserGroupRole -GroupId 3
/// copies a group's roles on a rule): role objects, live or deserialized, become their ids. Numbers and anything else
/// pass through unchanged for PowerShell to convert (or refuse) as before.
/// </summary>
internal sealed class RoleIdsAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        if (value is string || !(value is IEnumerable items))
        {
            return RoleIdOf(inputData) ?? inputData;
        }

        var ids = new List<object?>();
        foreach (var item in items)
        {
            ids.Add(RoleIdOf(item) ?? item);
        }

        return ids.ToArray();
    }

    private static object? RoleIdOf(object? item)
    {
        var bare = item is PSObject wrapped ? wrapped.BaseObject : item;
        if (bare is Role role)
        {
            return role.RoleId;
        }

        // A deserialized Role: a property bag typed Deserialized.PasswordSafe.Role.
        return item is PSObject record && record.TypeNames.Contains("Deserialized." + typeof(Role).FullName)
            ? record.Properties[nameof(Role.RoleId)]?.Value
            : null;
    }
}
