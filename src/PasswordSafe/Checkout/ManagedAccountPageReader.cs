using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Newtonsoft.Json;

namespace PasswordSafe.Checkout;

/// <summary>
/// Reads one <c>GET ManagedAccounts</c> answer token by token straight into <see cref="ManagedAccount"/> objects
/// (api-v3 §2.1): an array, a single object (both names given), or a <c>{TotalCount, Data}</c> envelope; property
/// names in any case; nulls, unknown properties and non-object array items skipped. No JSON tree is built: a
/// 1000-account page as a tree allocated over 20 times what the accounts themselves take.
/// </summary>
internal sealed class ManagedAccountPageReader
{
    private enum Field
    {
        PlatformId,
        SystemId,
        SystemName,
        DomainName,
        AccountId,
        AccountName,
        InstanceName,
        UserPrincipalName,
        ApplicationId,
        ApplicationDisplayName,
        DefaultReleaseDuration,
        MaximumReleaseDuration,
        LastChangeDate,
        NextChangeDate,
        IsChanging,
        ChangeState,
        IsIsaAccess,
        PreferredNodeId,
        AccountDescription,
        TotalCount,
        Data,
    }

    // Wire names as api-v3 §2.1 spells them; matching ignores case (SystemId here, SystemID in Requests).
    private static readonly Dictionary<string, Field> Fields = new Dictionary<string, Field>(StringComparer.OrdinalIgnoreCase)
    {
        ["PlatformID"] = Field.PlatformId,
        ["SystemId"] = Field.SystemId,
        ["SystemName"] = Field.SystemName,
        ["DomainName"] = Field.DomainName,
        ["AccountId"] = Field.AccountId,
        ["AccountName"] = Field.AccountName,
        ["InstanceName"] = Field.InstanceName,
        ["UserPrincipalName"] = Field.UserPrincipalName,
        ["ApplicationID"] = Field.ApplicationId,
        ["ApplicationDisplayName"] = Field.ApplicationDisplayName,
        ["DefaultReleaseDuration"] = Field.DefaultReleaseDuration,
        ["MaximumReleaseDuration"] = Field.MaximumReleaseDuration,
        ["LastChangeDate"] = Field.LastChangeDate,
        ["NextChangeDate"] = Field.NextChangeDate,
        ["IsChanging"] = Field.IsChanging,
        ["ChangeState"] = Field.ChangeState,
        ["IsISAAccess"] = Field.IsIsaAccess,
        ["PreferredNodeID"] = Field.PreferredNodeId,
        ["AccountDescription"] = Field.AccountDescription,
        ["TotalCount"] = Field.TotalCount,
        ["Data"] = Field.Data,
    };

    // The reader hands back these very strings for names spelled exactly so, instead of allocating one per
    // property per account. Only read (Get) after this initialiser, so sharing it across threads is safe.
    private static readonly DefaultJsonNameTable KnownNames = CreateNameTable();

    private readonly PasswordSafeSession? _session;

    public ManagedAccountPageReader(PasswordSafeSession? session) => _session = session;

    /// <summary>A JsonTextReader set up like the rest of the module: dates stay text and are parsed invariantly here.</summary>
    public static JsonTextReader CreateJsonReader(TextReader text) =>
        new JsonTextReader(text) { DateParseHandling = DateParseHandling.None, PropertyNameTable = KnownNames, CloseInput = false };

    /// <summary>Reads the whole answer. Throws <see cref="JsonException"/> for broken JSON and <see cref="FormatException"/> for JSON of another shape.</summary>
    public ManagedAccountPage Read(JsonReader reader, int requestedLimit)
    {
        if (!reader.Read())
        {
            // An empty body: nothing matched.
            return new ManagedAccountPage(new ManagedAccount[0], null, isLast: true);
        }

        var accounts = new List<ManagedAccount>(Math.Min(Math.Max(requestedLimit, 1), 1000));
        long? total = null;
        var isSingleObject = false;
        switch (reader.TokenType)
        {
            case JsonToken.StartArray:
                ReadItems(reader, accounts);
                break;
            case JsonToken.StartObject:
                var single = ReadObject(reader, accounts, out total, out var wasEnvelope);
                if (!wasEnvelope)
                {
                    accounts.Add(single);
                    isSingleObject = true;
                    total = null;
                }

                break;
            case JsonToken.Null:
                break;
            default:
                throw new FormatException("not an account list");
        }

        EnsureEnd(reader);
        return new ManagedAccountPage(accounts, total, isSingleObject || PageEnd.IsLast(accounts.Count, requestedLimit), isSingleObject);
    }

    private static DefaultJsonNameTable CreateNameTable()
    {
        var table = new DefaultJsonNameTable();
        foreach (var name in Fields.Keys)
        {
            table.Add(name);
        }

        return table;
    }

    private static void EnsureEnd(JsonReader reader)
    {
        // Like JToken.ReadFrom: trailing comments are fine, trailing content is not.
        while (reader.Read())
        {
            if (reader.TokenType != JsonToken.Comment)
            {
                throw new JsonReaderException("Additional text found after the JSON value.");
            }
        }
    }

    /// <summary>The items of an array; the reader is on StartArray and ends on its EndArray.</summary>
    private void ReadItems(JsonReader reader, List<ManagedAccount> accounts)
    {
        while (ReadToken(reader) != JsonToken.EndArray)
        {
            if (reader.TokenType == JsonToken.StartObject)
            {
                accounts.Add(ReadObject(reader, null, out _, out _));
            }
            else
            {
                reader.Skip();
            }
        }
    }

    /// <summary>
    /// One object: an account, or (when <paramref name="envelopeItems"/> is given and a <c>Data</c> array turns up)
    /// the envelope, whose items go to that list. The reader is on StartObject and ends on its EndObject.
    /// </summary>
    private ManagedAccount ReadObject(JsonReader reader, List<ManagedAccount>? envelopeItems, out long? total, out bool wasEnvelope)
    {
        var account = new ManagedAccount { Session = _session };
        total = null;
        wasEnvelope = false;
        while (ReadToken(reader) != JsonToken.EndObject)
        {
            var name = (string)reader.Value!;
            ReadToken(reader);
            if (!Fields.TryGetValue(name, out var field))
            {
                reader.Skip();
                continue;
            }

            switch (field)
            {
                case Field.Data when envelopeItems != null && reader.TokenType == JsonToken.StartArray:
                    ReadItems(reader, envelopeItems);
                    wasEnvelope = true;
                    break;
                case Field.TotalCount:
                    total = AsLong(reader);
                    break;
                default:
                    Apply(account, field, reader);
                    break;
            }
        }

        account.UserName = CredentialUserName.For(account.DomainName, account.AccountName, account.UserPrincipalName);
        return account;
    }

    private static void Apply(ManagedAccount account, Field field, JsonReader reader)
    {
        switch (field)
        {
            case Field.PlatformId: account.PlatformId = AsInt(reader) ?? 0; break;
            case Field.SystemId: account.SystemId = AsInt(reader) ?? 0; break;
            case Field.SystemName: account.SystemName = AsText(reader); break;
            case Field.DomainName: account.DomainName = AsText(reader); break;
            case Field.AccountId: account.AccountId = AsInt(reader) ?? 0; break;
            case Field.AccountName: account.AccountName = AsText(reader); break;
            case Field.InstanceName: account.InstanceName = AsText(reader); break;
            case Field.UserPrincipalName: account.UserPrincipalName = AsText(reader); break;
            case Field.ApplicationId: account.ApplicationId = AsInt(reader); break;
            case Field.ApplicationDisplayName: account.ApplicationDisplayName = AsText(reader); break;
            case Field.DefaultReleaseDuration: account.DefaultReleaseDuration = AsInt(reader) ?? 0; break;
            case Field.MaximumReleaseDuration: account.MaximumReleaseDuration = AsInt(reader) ?? 0; break;
            case Field.LastChangeDate: account.LastChangeDate = AsDate(reader); break;
            case Field.NextChangeDate: account.NextChangeDate = AsDate(reader); break;
            case Field.IsChanging: account.IsChanging = AsBool(reader); break;
            case Field.ChangeState: account.ChangeState = AsInt(reader) ?? 0; break;
            case Field.IsIsaAccess: account.IsIsaAccess = AsBool(reader); break;
            case Field.PreferredNodeId: account.PreferredNodeId = AsText(reader); break;
            case Field.AccountDescription: account.AccountDescription = AsText(reader); break;
            default: reader.Skip(); break;
        }
    }

    private static JsonToken ReadToken(JsonReader reader)
    {
        // Comments are legal between values (JToken.ReadFrom accepted them too).
        do
        {
            if (!reader.Read())
            {
                throw new JsonReaderException("Unexpected end of the JSON answer.");
            }
        }
        while (reader.TokenType == JsonToken.Comment);

        return reader.TokenType;
    }

    /// <summary>Strings as they are, numbers and booleans as their JSON text, nested values as compact JSON; null for null.</summary>
    private static string? AsText(JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonToken.String:
                return (string)reader.Value!;
            case JsonToken.Null:
            case JsonToken.Undefined:
                return null;
            case JsonToken.Boolean:
                return (bool)reader.Value! ? "true" : "false";
            case JsonToken.Integer:
            case JsonToken.Float:
                return Convert.ToString(reader.Value, CultureInfo.InvariantCulture);
            case JsonToken.StartObject:
            case JsonToken.StartArray:
                return Newtonsoft.Json.Linq.JToken.ReadFrom(reader).ToString(Formatting.None);
            default:
                return Convert.ToString(reader.Value, CultureInfo.InvariantCulture);
        }
    }

    private static int? AsInt(JsonReader reader)
    {
        var number = AsLong(reader);
        return number.HasValue && number.Value >= int.MinValue && number.Value <= int.MaxValue ? (int)number.Value : (int?)null;
    }

    /// <summary>A whole number, also when sent as a string ("12") or as 12.0; anything else is null.</summary>
    private static long? AsLong(JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonToken.Integer:
                return reader.Value is long value ? value : long.TryParse(Convert.ToString(reader.Value, CultureInfo.InvariantCulture), NumberStyles.Integer, CultureInfo.InvariantCulture, out var big) ? big : (long?)null;
            case JsonToken.Float:
                return reader.Value is double d && d == Math.Floor(d) && d >= long.MinValue && d <= long.MaxValue ? (long)d : (long?)null;
            case JsonToken.String:
                return long.TryParse((string)reader.Value!, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : (long?)null;
            default:
                reader.Skip();
                return null;
        }
    }

    private static bool AsBool(JsonReader reader)
    {
        if (reader.TokenType == JsonToken.Boolean)
        {
            return (bool)reader.Value!;
        }

        return string.Equals(AsText(reader), "true", StringComparison.OrdinalIgnoreCase);
    }

    private static DateTimeOffset? AsDate(JsonReader reader)
    {
        var text = AsText(reader);
        return text != null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var date)
            ? date
            : (DateTimeOffset?)null;
    }
}
