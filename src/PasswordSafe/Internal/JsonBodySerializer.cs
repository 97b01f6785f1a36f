using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Security;
using Newtonsoft.Json;

namespace PasswordSafe.Internal;

/// <summary>
/// Serialises an <c>-Body</c> value to JSON: strings are sent verbatim (already JSON), hashtables,
/// PSCustomObjects, arrays and plain objects become JSON objects and arrays.
/// </summary>
internal static class JsonBodySerializer
{
    private const int MaxDepth = 32;

    public static string Serialize(object? body)
    {
        var unwrapped = body is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject) ? wrapped.BaseObject : body;
        if (unwrapped is string text)
        {
            return text;
        }

        return JsonConvert.SerializeObject(ToPlain(body, 0), Formatting.None);
    }

    private static object? ToPlain(object? value, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new ArgumentException($"-Body is nested more than {MaxDepth} levels deep (or refers to itself).");
        }

        if (value is PSObject psObject)
        {
            if (psObject.BaseObject is PSCustomObject)
            {
                var properties = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                foreach (var property in psObject.Properties)
                {
                    properties[property.Name] = ToPlain(property.Value, depth + 1);
                }

                return properties;
            }

            value = psObject.BaseObject;
        }

        switch (value)
        {
            case null:
                return null;
            case string _:
            case bool _:
            case char _:
            case byte _:
            case sbyte _:
            case short _:
            case ushort _:
            case int _:
            case uint _:
            case long _:
            case ulong _:
            case float _:
            case double _:
            case decimal _:
                return value;
            case ScriptBlock _:
                // { Name = 'x' } instead of @{ Name = 'x' }: a one-character slip that must not reach reflection.
                throw new ArgumentException("-Body is a script block, not data; write a hashtable as @{ Name = 'x' } (with the @), or pass a PSCustomObject or a JSON string.");
            case SecureString _:
                // Sending a SecureString means decrypting it; that must be the caller's explicit choice.
                throw new ArgumentException("-Body contains a SecureString; convert it to text explicitly if the server must receive it.");
            case DateTime date:
                return date.ToString("o", CultureInfo.InvariantCulture);
            case DateTimeOffset offset:
                return offset.ToString("o", CultureInfo.InvariantCulture);
            case Enum _:
            case Guid _:
            case Uri _:
            case TimeSpan _:
                return value.ToString();
            case IDictionary dictionary:
                var map = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                foreach (DictionaryEntry entry in dictionary)
                {
                    map[System.Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty] = ToPlain(entry.Value, depth + 1);
                }

                return map;
            case IEnumerable sequence:
                var list = new List<object?>();
                foreach (var item in sequence)
                {
                    list.Add(ToPlain(item, depth + 1));
                }

                return list;
            default:
                var objectProperties = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                foreach (var property in PSObject.AsPSObject(value).Properties)
                {
                    if (property.IsGettable && (property.MemberType == PSMemberTypes.Property || property.MemberType == PSMemberTypes.NoteProperty))
                    {
                        objectProperties[property.Name] = ToPlain(ReadProperty(value, property), depth + 1);
                    }
                }

                return objectProperties;
        }
    }

    private static object? ReadProperty(object owner, PSPropertyInfo property)
    {
        try
        {
            return property.Value;
        }
        catch (ExtendedTypeSystemException e)
        {
            throw new ArgumentException($"-Body holds a {owner.GetType().Name} whose property '{property.Name}' cannot be read ({e.InnerException?.Message ?? e.Message}).", e);
        }
    }
}
