using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json.Linq;
using PasswordSafe.Internal;

namespace PasswordSafe.Admin;

/// <summary>
/// Validates an API registration (spec A1–A4) and writes its body (api-v3 §6.7). Nothing is sent unless
/// every rule parses, at least one IP or PSRUN rule exists (A3), type-specific settings fit the type (A1),
/// and, on an update, no rule moves between the IP and X-Forwarded-For lists (A4).
/// </summary>
internal static class ApiRegistrationBody
{
    public const string IPRuleParameter = "-IPRule";
    public const string XffRuleParameter = "-XForwardedForRule";
    public const string PsrunRuleParameter = "-PsrunRule";

    private static readonly string[] PsrunKeys = { "Id", "IPAddress", "MacAddress", "SystemName", "FQDN", "DomainName", "UserId", "RootVolumeId", "OSVersion" };

    /// <param name="spec">The registration as it should be.</param>
    /// <param name="current">What the server has now (update), or null (create).</param>
    public static string Build(ApiRegistrationSpec spec, ApiRegistration? current)
    {
        if (string.IsNullOrWhiteSpace(spec.Name))
        {
            throw AdminErrors.Invalid("The API registration has no name.", "Pass -Name.");
        }

        if (spec.RegistrationType != ApiRegistrationSpec.ApiKeyPolicy && spec.RegistrationType != ApiRegistrationSpec.ApiAccessPolicy)
        {
            throw AdminErrors.Invalid($"-Type '{spec.RegistrationType}' is not a registration type.", "Pass ApiKeyPolicy or ApiAccessPolicy (spec A1).");
        }

        if (!spec.IsAccessPolicy && spec.AccessTokenDuration != null)
        {
            throw AdminErrors.Invalid("-AccessTokenDuration applies only to ApiAccessPolicy registrations (spec A1).",
                "Leave -AccessTokenDuration out for an API key policy, or use -Type ApiAccessPolicy.");
        }

        if (spec.AccessTokenDuration is int duration && duration < 1)
        {
            throw AdminErrors.Invalid($"-AccessTokenDuration {duration} is out of range: it must be at least 1 minute.", "Pass a number of minutes, such as 60.");
        }

        if (spec.IsAccessPolicy && spec.PsrunRules.Count > 0)
        {
            throw AdminErrors.Invalid("-PsrunRule applies only to ApiKeyPolicy registrations (api-v3 section 6.7).",
                "Leave -PsrunRule out for an API access policy, or use IP rules.");
        }

        var ipRules = ParseList(spec.IPRules, IPRuleParameter);
        var xffRules = ParseList(spec.XForwardedForRules, XffRuleParameter);
        var psrunRules = spec.PsrunRules.Select(ToPsrunRule).ToList();
        if (ipRules.Count == 0 && psrunRules.Count == 0)
        {
            throw AdminErrors.Invalid(
                "An API registration needs at least one authentication rule: an IP rule or a PSRUN rule (spec A3). X-Forwarded-For rules alone do not count.",
                "Add -IPRule (an address, range or CIDR block, e.g. 10.0.0.0/24)" + (spec.IsAccessPolicy ? "." : " or -PsrunRule."));
        }

        if (current != null)
        {
            ForbidMoves(current, ipRules, xffRules);
        }

        var body = new Dictionary<string, object?>
        {
            ["Name"] = spec.Name.Trim(),
            ["RegistrationType"] = spec.RegistrationType,
        };
        if (spec.IsAccessPolicy)
        {
            body["AccessTokenDuration"] = spec.AccessTokenDuration ?? ApiRegistrationSpec.DefaultAccessTokenDuration;
        }

        body["Active"] = spec.Active;
        body["Visible"] = spec.Visible;
        body["MultiFactorAuthenticationEnforced"] = spec.MultiFactorAuthenticationEnforced;
        body["ClientCertificateRequired"] = spec.ClientCertificateRequired;
        body["UserPasswordRequired"] = spec.UserPasswordRequired;
        body["VerifyPsrunSignature"] = spec.VerifyPsrunSignature;
        body["IPAuthenticationRules"] = ipRules.Select(r => r.Wire).ToList();
        body["XForwardedForAuthenticationRules"] = xffRules.Select(r => r.Wire).ToList();
        if (!spec.IsAccessPolicy)
        {
            body["PSRUNRules"] = psrunRules;
        }

        return JsonBodySerializer.Serialize(body);
    }

    /// <summary>
    /// The settings (as Set-PSApiRegistration names them) whose value in <paramref name="spec"/> differs from what the
    /// registration has now, compared on the bodies both would send: a rule list given as the server holds it is no
    /// change, one whose order or descriptions differ is. When the current registration cannot be written back as it is
    /// (the module would refuse it), every setting in <paramref name="given"/> counts as a change.
    /// </summary>
    public static IReadOnlyList<string> ChangedSettings(ApiRegistrationSpec spec, ApiRegistration current, IReadOnlyList<string> given)
    {
        var wanted = JObject.Parse(Build(spec, current));
        JObject now;
        try
        {
            now = JObject.Parse(Build(ApiRegistrationSpec.From(current), current));
        }
        catch (Http.PasswordSafeException)
        {
            return given;
        }

        return wanted.Properties()
            .Where(p => !JToken.DeepEquals(p.Value, now[p.Name]))
            .Select(p => SettingOf.TryGetValue(p.Name, out var setting) ? setting : p.Name)
            .Distinct()
            .ToList();
    }

    /// <summary>
    /// The sign-in checks (A2, B5, PSRUN) the registration has now and the new settings turn off, by parameter name: such a
    /// change lets callers in with less proof, so Set-PSApiRegistration asks for it as a high-impact change.
    /// </summary>
    public static IReadOnlyList<string> ChecksTurnedOff(ApiRegistrationSpec spec, ApiRegistration current)
    {
        var off = new List<string>();
        if (current.MultiFactorAuthenticationEnforced && !spec.MultiFactorAuthenticationEnforced)
        {
            off.Add("MultiFactorAuthentication");
        }

        if (current.ClientCertificateRequired && !spec.ClientCertificateRequired)
        {
            off.Add("ClientCertificateRequired");
        }

        if (current.UserPasswordRequired && !spec.UserPasswordRequired)
        {
            off.Add("UserPasswordRequired");
        }

        if (current.VerifyPsrunSignature && !spec.VerifyPsrunSignature)
        {
            off.Add("VerifyPsrunSignature");
        }

        return off;
    }

    /// <summary>Body keys whose parameter has another name.</summary>
    private static readonly Dictionary<string, string> SettingOf = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["MultiFactorAuthenticationEnforced"] = "MultiFactorAuthentication",
        ["IPAuthenticationRules"] = "IPRule",
        ["XForwardedForAuthenticationRules"] = "XForwardedForRule",
        ["PSRUNRules"] = "PsrunRule",
    };

    /// <summary>Every rule of one list, parsed; a rule given twice in one list is refused too.</summary>
    public static IList<(ParsedAddressRule Parsed, IDictionary<string, object?> Wire)> ParseList(IEnumerable<RuleInput> rules, string listName)
    {
        var parsed = new List<(ParsedAddressRule, IDictionary<string, object?>)>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in rules)
        {
            var one = AddressRuleParser.Parse(rule.Value, rule.Type, listName);
            if (!seen.Add(one.Canonical))
            {
                throw AdminErrors.Invalid($"{listName} rule '{one.Value}' is given more than once.", "List each rule once.");
            }

            var wire = new Dictionary<string, object?> { ["Type"] = one.Type, ["Value"] = one.Value };
            if (!string.IsNullOrWhiteSpace(rule.Description))
            {
                wire["Description"] = rule.Description!.Trim();
            }

            parsed.Add((one, wire));
        }

        return parsed;
    }

    /// <summary>
    /// A4: a rule keeps its kind. A value that is an IP rule now may not appear among the new X-Forwarded-For
    /// rules, and the other way round (remove it in one update and add it in another if that is really meant).
    /// </summary>
    private static void ForbidMoves(ApiRegistration current,
        IList<(ParsedAddressRule Parsed, IDictionary<string, object?> Wire)> ipRules,
        IList<(ParsedAddressRule Parsed, IDictionary<string, object?> Wire)> xffRules)
    {
        var currentIp = CanonicalSet(current.IPAuthenticationRules);
        var currentXff = CanonicalSet(current.XForwardedForAuthenticationRules);
        foreach (var rule in xffRules.Where(r => currentIp.Contains(r.Parsed.Canonical) && !currentXff.Contains(r.Parsed.Canonical)))
        {
            throw AdminErrors.Invalid(
                $"{XffRuleParameter} rule '{rule.Parsed.Value}' is an IP rule of '{current.Name}'; a rule cannot change from IP to X-Forwarded-For (spec A4).",
                "Keep it in -IPRule, or remove it in one update and add the X-Forwarded-For rule in a separate one.");
        }

        foreach (var rule in ipRules.Where(r => currentXff.Contains(r.Parsed.Canonical) && !currentIp.Contains(r.Parsed.Canonical)))
        {
            throw AdminErrors.Invalid(
                $"{IPRuleParameter} rule '{rule.Parsed.Value}' is an X-Forwarded-For rule of '{current.Name}'; a rule cannot change from X-Forwarded-For to IP (spec A4).",
                "Keep it in -XForwardedForRule, or remove it in one update and add the IP rule in a separate one.");
        }
    }

    private static HashSet<string> CanonicalSet(IEnumerable<AddressRule> rules)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in rules)
        {
            try
            {
                set.Add(AddressRuleParser.Parse(rule.Value, null, "existing").Canonical);
            }
            catch (Http.PasswordSafeException)
            {
                // A stored value this client cannot parse still compares by its text.
                set.Add((rule.Value ?? string.Empty).Trim());
            }
        }

        return set;
    }

    private static IDictionary<string, object?> ToPsrunRule(IDictionary<string, object?> input)
    {
        var rule = new Dictionary<string, object?>();
        foreach (var entry in input)
        {
            var key = PsrunKeys.FirstOrDefault(k => k.Equals(entry.Key, StringComparison.OrdinalIgnoreCase));
            if (key == null)
            {
                throw AdminErrors.Invalid($"{PsrunRuleParameter} has an unknown key '{entry.Key}'.",
                    "Use only these keys: " + string.Join(", ", PsrunKeys) + ".");
            }

            if (entry.Value == null)
            {
                continue;
            }

            var entryText = Convert.ToString(entry.Value, CultureInfo.InvariantCulture) ?? string.Empty;
            if (key == "Id")
            {
                if (!int.TryParse(entryText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ruleId))
                {
                    throw AdminErrors.Invalid($"{PsrunRuleParameter} Id '{entryText}' is not a whole number.", "Leave Id out for a new rule.");
                }

                rule[key] = ruleId;
                continue;
            }

            rule[key] = entryText;
        }

        if (!rule.Keys.Any(k => k != "Id"))
        {
            throw AdminErrors.Invalid($"A {PsrunRuleParameter} rule is empty.",
                "Give at least one of: IPAddress, MacAddress, SystemName, FQDN, DomainName, UserId, RootVolumeId, OSVersion.");
        }

        if (rule.TryGetValue("IPAddress", out var address) && address is string text && text.Length > 0)
        {
            AddressRuleParser.Parse(text, AddressRuleType.IPAddress, PsrunRuleParameter + " IPAddress");
        }

        if (rule.TryGetValue("Id", out var id) && id is int number && number == 0)
        {
            rule.Remove("Id");
        }

        return rule;
    }
}
