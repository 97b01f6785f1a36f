using System;
using System.Collections.Generic;
using System.Text.Json;

namespace PasswordSafe.Emulator.Http;

/// <summary>
/// Reads a POST/PUT ApiRegistrations body (api-v3 §6.7) and checks what needs no state: A1 type and its settings,
/// every rule parses as an address, range or CIDR block (A3, A4), names and lengths. The first problem is the 400 reason.
/// </summary>
internal static class RegistrationBodyReader
{
    internal const int MaxNameLength = 256;
    private const int MaxDescriptionLength = 256;
    private const int MaxPsrunFieldLength = 256;

    internal static RegistrationInput? Read(JsonBody body, bool creating, out string? error)
    {
        error = null;
        try
        {
            var name = body.Text("Name");
            if (creating && string.IsNullOrWhiteSpace(name)) return Fail("Name is required.", out error);
            if (name is not null && name.Trim().Length == 0) return Fail("Name must not be empty.", out error);
            if (name is { Length: > MaxNameLength }) return Fail($"Name must be {MaxNameLength} characters or fewer.", out error);

            RegistrationType? type = null;
            if (body.Text("RegistrationType") is { } typeText)
            {
                if (!EnumNames.TryParse<RegistrationType>(typeText, out var parsed))
                    return Fail($"RegistrationType must be ApiKeyPolicy or ApiAccessPolicy (got '{typeText}').", out error);
                type = parsed;
            }
            else if (creating)
            {
                return Fail("RegistrationType is required: ApiKeyPolicy (a key for PS-Auth) or ApiAccessPolicy (OAuth application users).", out error);
            }

            var duration = body.Int("AccessTokenDuration");
            if (duration is not null && type == RegistrationType.ApiKeyPolicy)
                return Fail("AccessTokenDuration applies only to ApiAccessPolicy registrations (A1): leave it out for an API key policy.", out error);
            if (duration is < 1 or > CheckoutCodes.MaxDurationMinutes)
                return Fail($"AccessTokenDuration must be from 1 to {CheckoutCodes.MaxDurationMinutes} minutes.", out error);

            var ipRules = Rules(body, "IPAuthenticationRules", out error);
            if (error is not null) return null;
            var xffRules = Rules(body, "XForwardedForAuthenticationRules", out error);
            if (error is not null) return null;
            var psrunRules = PsrunRules(body, out error);
            if (error is not null) return null;
            if (psrunRules is { Count: > 0 } && type == RegistrationType.ApiAccessPolicy)
                return Fail("PSRUNRules apply only to ApiKeyPolicy registrations: use IP rules for an API access policy.", out error);
            if (creating && (ipRules?.Count ?? 0) == 0 && (psrunRules?.Count ?? 0) == 0)
                return Fail("Add at least one IP rule (IPAuthenticationRules) or PSRUN rule (PSRUNRules) (A3): X-Forwarded-For rules alone do not count.", out error);

            return new RegistrationInput
            {
                Name = name,
                Type = type,
                AccessTokenDuration = duration,
                Active = body.Bool("Active"),
                Visible = body.Bool("Visible"),
                MultiFactorAuthenticationEnforced = body.Bool("MultiFactorAuthenticationEnforced"),
                ClientCertificateRequired = body.Bool("ClientCertificateRequired"),
                UserPasswordRequired = body.Bool("UserPasswordRequired"),
                VerifyPsrunSignature = body.Bool("VerifyPsrunSignature"),
                IPRules = ipRules,
                XffRules = xffRules,
                PsrunRules = psrunRules,
            };
        }
        catch (FormatException e)
        {
            return Fail(e.Message, out error);
        }
    }

    /// <summary>A3/A4: each rule is an object with a Value that parses; the Type, when given, must fit the value.</summary>
    private static List<RuleInput>? Rules(JsonBody body, string listName, out string? error)
    {
        error = null;
        if (!body.TryGet(listName, out var list)) return null;
        if (list.ValueKind != JsonValueKind.Array) return Fail<List<RuleInput>>($"{listName} must be an array of rules.", out error);
        var rules = new List<RuleInput>();
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            index++;
            if (item.ValueKind != JsonValueKind.Object) return Fail<List<RuleInput>>($"{listName}[{index}] must be an object {{ \"Type\", \"Value\", \"Description\" }}.", out error);
            string? value = null, type = null, description = null;
            int? id = null;
            foreach (var property in item.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.Null) continue;
                var where = $"{listName}[{index}].{property.Name}";
                if (property.Name.Equals("Value", StringComparison.OrdinalIgnoreCase)) value = JsonBody.TextOf(property.Value, where);
                else if (property.Name.Equals("Type", StringComparison.OrdinalIgnoreCase)) type = JsonBody.TextOf(property.Value, where);
                else if (property.Name.Equals("Description", StringComparison.OrdinalIgnoreCase)) description = JsonBody.TextOf(property.Value, where);
                else if (property.Name.Equals("Id", StringComparison.OrdinalIgnoreCase))
                {
                    if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetInt32(out var number)) return Fail<List<RuleInput>>($"{listName}[{index}].Id must be a whole number.", out error);
                    id = number;
                }
            }
            if (description is { Length: > MaxDescriptionLength })
                return Fail<List<RuleInput>>($"{listName}[{index}].Description must be {MaxDescriptionLength} characters or fewer.", out error);
            try
            {
                AddressRule.Parse(0, type, value, description);
            }
            catch (FormatException e)
            {
                return Fail<List<RuleInput>>($"{listName}[{index}]: {e.Message}", out error);
            }
            rules.Add(new RuleInput(id, type, value!.Trim(), description));
        }
        return rules;
    }

    private static List<PsrunRule>? PsrunRules(JsonBody body, out string? error)
    {
        error = null;
        if (!body.TryGet("PSRUNRules", out var list)) return null;
        if (list.ValueKind != JsonValueKind.Array) return Fail<List<PsrunRule>>("PSRUNRules must be an array of rules.", out error);
        var rules = new List<PsrunRule>();
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            index++;
            if (item.ValueKind != JsonValueKind.Object) return Fail<List<PsrunRule>>($"PSRUNRules[{index}] must be an object.", out error);
            string? Field(string name)
            {
                foreach (var property in item.EnumerateObject())
                    if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind != JsonValueKind.Null)
                        return JsonBody.TextOf(property.Value, $"PSRUNRules[{index}].{name}");
                return null;
            }
            var fields = new[] { "IPAddress", "MacAddress", "SystemName", "FQDN", "DomainName", "UserId", "RootVolumeId", "OSVersion" };
            foreach (var name in fields)
                if (Field(name) is { Length: > MaxPsrunFieldLength })
                    return Fail<List<PsrunRule>>($"PSRUNRules[{index}].{name} must be {MaxPsrunFieldLength} characters or fewer.", out error);
            if (Array.TrueForAll(fields, name => string.IsNullOrWhiteSpace(Field(name))))
                return Fail<List<PsrunRule>>($"PSRUNRules[{index}] is empty: give at least one of {string.Join(", ", fields)}.", out error);
            if (Field("IPAddress") is { } address)
            {
                try { AddressRule.Parse(0, "IPAddress", address); }
                catch (FormatException e) { return Fail<List<PsrunRule>>($"PSRUNRules[{index}].IPAddress: {e.Message}", out error); }
            }
            var id = Number(item, "Id") ?? 0;
            rules.Add(new PsrunRule(id, Field("IPAddress"), Field("MacAddress"), Field("SystemName"), Field("FQDN"),
                Field("DomainName"), Field("UserId"), Field("RootVolumeId"), Field("OSVersion")));
        }
        return rules;
    }

    /// <summary>A rule's whole-number Id (PSRUN rules list it as an int, api-v3 §6.7); null when absent.</summary>
    private static int? Number(JsonElement item, string name)
    {
        foreach (var property in item.EnumerateObject())
        {
            if (!property.Name.Equals(name, StringComparison.OrdinalIgnoreCase) || property.Value.ValueKind == JsonValueKind.Null) continue;
            if (property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetInt32(out var number)) return number;
            throw new FormatException($"PSRUNRules: {name} must be a whole number.");
        }
        return null;
    }

    private static RegistrationInput? Fail(string reason, out string? error)
    {
        error = reason;
        return null;
    }

    private static T? Fail<T>(string reason, out string? error) where T : class
    {
        error = reason;
        return null;
    }
}
