using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using PasswordSafe.Admin;
using PasswordSafe.Http;
using PasswordSafe.Internal;

namespace PasswordSafe.Commands;

/// <summary>
/// Reads the loosely typed inputs of the admin cmdlets: rules given as strings, hashtables, PSCustomObjects
/// or AddressRule objects, and key/value entries given as hashtables or objects.
/// </summary>
internal static class AdminInputConverter
{
    /// <summary>A string is the rule value; an object or hashtable carries Value (or Address) and optional Type and Description.</summary>
    public static IList<RuleInput> ToRules(IEnumerable<object>? values, string parameterName)
    {
        var rules = new List<RuleInput>();
        foreach (var raw in values ?? new object[0])
        {
            var value = raw is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject) ? wrapped.BaseObject : raw;
            switch (value)
            {
                case null:
                    continue;
                case string text:
                    rules.Add(new RuleInput(text));
                    break;
                case AddressRule rule:
                    rules.Add(new RuleInput(rule.Value, rule.Type, rule.Description));
                    break;
                default:
                    var entries = ToEntries(value, parameterName);
                    var ruleValue = Text(entries, "Value") ?? Text(entries, "Address");
                    if (ruleValue == null)
                    {
                        throw new PasswordSafeException(ErrorIds.ValidationFailed, $"A {parameterName} object has no Value.",
                            "Pass strings such as '10.0.0.0/24', or objects such as @{ Value = '10.0.0.0/24'; Description = 'office' }.");
                    }

                    rules.Add(new RuleInput(ruleValue, Text(entries, "Type"), Text(entries, "Description")));
                    break;
            }
        }

        return rules;
    }

    /// <summary>Each hashtable or object as key → value (property names as keys).</summary>
    public static IList<IDictionary<string, object?>> ToEntryList(IEnumerable<object>? values, string parameterName)
    {
        var list = new List<IDictionary<string, object?>>();
        foreach (var value in values ?? new object[0])
        {
            if (value != null)
            {
                list.Add(ToEntries(value, parameterName));
            }
        }

        return list;
    }

    public static IDictionary<string, object?> ToEntries(object value, string parameterName)
    {
        var entries = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        var unwrapped = value is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject) ? wrapped.BaseObject : value;
        if (unwrapped is IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                entries[Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty] = Unwrap(entry.Value);
            }

            return entries;
        }

        if (unwrapped is string || unwrapped.GetType().IsPrimitive)
        {
            throw new PasswordSafeException(ErrorIds.ValidationFailed, $"{parameterName} expects hashtables or objects, not '{unwrapped}'.",
                "Pass entries such as @{ Name = 'value' }.");
        }

        foreach (var property in PSObject.AsPSObject(value).Properties)
        {
            if (property.IsGettable && property.Value != null && !(property.Value is PasswordSafeSession))
            {
                entries[property.Name] = Unwrap(property.Value);
            }
        }

        return entries;
    }

    private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

    private static string? Text(IDictionary<string, object?> entries, string key) =>
        entries.TryGetValue(key, out var value) && value != null ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;
}
