using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Security;
using PasswordSafe.Http;
using PasswordSafe.Internal;

namespace PasswordSafe.Commands;

/// <summary>
/// Decides, per piped record, what a cmdlet may take from it before the cmdlet runs: an empty value (a null property, an
/// empty Import-Csv cell) is a value not given; an object this module wrote gives only its ids (and session) where the
/// cmdlet names them, its other properties being the server's values rather than changes; a row value PowerShell could
/// not convert is an error, not silently nothing; and a record the cmdlet can use nothing of but its session is refused,
/// where it would have run as if nothing were piped (a Get- cmdlet listing everything, once per object).
/// </summary>
internal static class PipedRecordRules
{
    private const string SessionParameter = "Session";

    /// <summary>
    /// Null to go on with the record; otherwise why the record is skipped (written as a non-terminating error whose
    /// target is <paramref name="target"/>: the record, except a row whose rejected value is a secret).
    /// </summary>
    public static PasswordSafeException? Check(PasswordSafeCmdlet cmdlet, PipelineInput input, out object? target)
    {
        target = input.Record;
        var command = cmdlet.MyInvocation.MyCommand.Name;
        var set = cmdlet.ParameterSetName;
        var fromModule = input.RecordIsModuleObject;

        var blank = Drop(input, p => input.SourceOf(p) is { } source && PipelineInput.IsBlank(source.Value));
        var missing = blank.FirstOrDefault(p => p.IsMandatory(set));
        if (missing != null)
        {
            var name = input.SourceOf(missing)!.Name;
            return fromModule ? NoValueOnObject(command, input.Record, name, missing) : BlankMandatory(command, name, missing);
        }

        // A session piped on gives its session only: its Id and UserId are the session's and its user's, never the id of a
        // user, group or system to act on (Get-PasswordSafeSession | Remove-PSUser would otherwise remove user <session id>).
        if (input.Record?.BaseObject is PasswordSafeSession)
        {
            var fromSession = Drop(input, p => !IsSession(p) && !p.IsPlumbing);
            var needed = fromSession.FirstOrDefault(p => p.IsMandatory(set));
            if (needed != null)
            {
                return SessionGivesOnlyItself(command, input.Record, needed);
            }
        }

        var keys = cmdlet.ObjectKeyParameters;
        var notTaken = fromModule && keys != null ? Drop(input, p => !IsKey(p, keys)) : new List<PipelineParameter>();
        missing = notTaken.FirstOrDefault(p => p.IsMandatory(set));
        if (missing != null)
        {
            return ValueNotTakenFromObject(command, input.Record, missing, keys!);
        }

        if (!fromModule && input.Record != null)
        {
            var sessionText = SessionColumn.TakeOpenSession(input);
            if (sessionText != null)
            {
                return SessionColumn.NoOpenSession(command, sessionText);
            }

            var (unconverted, source) = input.Unconverted(set).FirstOrDefault();
            if (unconverted != null)
            {
                // The row holds the secret as text: it is not kept in the error ($Error, logs), only named.
                target = unconverted.IsSecret ? $"the piped row's {source.Name}" : target;
                return Unconverted(source, unconverted);
            }
        }

        var used = BoundParameters(input).Concat(input.DelayBound).Any(p => !p.IsPlumbing && !IsSession(p));
        return used || cmdlet.TakesPipedSession(input.Record) ? null : NothingUsable(cmdlet, command, input, notTaken);
    }

    /// <summary>
    /// A row's filled columns that only another parameter set takes (New-PSUser -ActiveDirectory given rows with a Password
    /// column): PowerShell leaves them unbound without a word, so the cmdlet says so. Objects this module wrote are not
    /// rows: their properties are the server's values, most of which no parameter takes.
    /// </summary>
    public static IEnumerable<(string Column, string Parameter)> ColumnsThisSetIgnores(PasswordSafeCmdlet cmdlet, PipelineInput input)
    {
        if (input.Record == null || input.RecordIsModuleObject)
        {
            return Enumerable.Empty<(string, string)>();
        }

        var set = cmdlet.ParameterSetName;
        return FilledForOtherSets(input, set)
            .Where(x => !x.Parameter.ByValue(set) && !cmdlet.ColumnDescribesTheItem(set, x.Parameter.Name))
            .Select(x => (x.Source.Name, x.Parameter.Name))
            .ToList();
    }

    /// <summary>The warning for <see cref="ColumnsThisSetIgnores"/>: the column's name only, never its value (it may be a password).</summary>
    public static string IgnoredColumnWarning(PasswordSafeCmdlet cmdlet, PipelineInput input, string column, string parameter)
    {
        var command = cmdlet.MyInvocation.MyCommand.Name;
        var given = ParametersGiven(input);
        return $"{command} does not use the piped rows' {column} column: with {given} PowerShell bound the {cmdlet.ParameterSetName} "
               + $"parameter set, which takes no -{parameter}. Leave the column out, or check that {given} is what you meant.";
    }

    /// <summary>
    /// The record's filled properties that PowerShell matches to a parameter taking piped input by name in another set,
    /// not in <paramref name="set"/> (the set PowerShell chose from the parameters typed): their values went unused.
    /// </summary>
    private static List<(PipelineParameter Parameter, PSPropertyInfo Source)> FilledForOtherSets(PipelineInput input, string set) =>
        input.Parameters
            .Where(p => p.TakesPipelineInput && !p.ByPropertyName(set) && !p.IsPlumbing && !IsSession(p))
            .Select(p => (Parameter: p, Source: input.SourceOf(p)))
            .Where(x => x.Source != null && !PipelineInput.IsBlank(x.Source.Value))
            .Select(x => (x.Parameter, x.Source!))
            .ToList();

    /// <summary>The parameters typed on the command line, as "-A and -B" (common parameters left out), which chose the set.</summary>
    private static string ParametersGiven(PipelineInput input)
    {
        var typed = input.BoundBeforeInputNames.Where(n => !Cmdlet.CommonParameters.Contains(n) && !Cmdlet.OptionalCommonParameters.Contains(n)).ToList();
        return typed.Count == 0 ? "the parameters given" : Names(typed.Select(n => "-" + n), "and");
    }

    /// <summary>Unbinds the record's values that <paramref name="drop"/> picks, and returns their parameters.</summary>
    private static List<PipelineParameter> Drop(PipelineInput input, Func<PipelineParameter, bool> drop)
    {
        var dropped = BoundParameters(input).Where(drop).ToList();
        foreach (var parameter in dropped)
        {
            input.Drop(parameter);
        }

        return dropped;
    }

    private static List<PipelineParameter> BoundParameters(PipelineInput input) =>
        input.Bound.Select(input.Parameter).Where(p => p != null).Select(p => p!).ToList();

    private static bool IsSession(PipelineParameter parameter) => string.Equals(parameter.Name, SessionParameter, StringComparison.OrdinalIgnoreCase);

    private static bool IsKey(PipelineParameter parameter, IReadOnlyCollection<string> keys) =>
        parameter.IsPlumbing || IsSession(parameter) || keys.Contains(parameter.Name, StringComparer.OrdinalIgnoreCase);

    private static PasswordSafeException NothingUsable(PasswordSafeCmdlet cmdlet, string command, PipelineInput input, IReadOnlyCollection<PipelineParameter> notTaken)
    {
        var what = Describe(input.Record);
        var effect = command.StartsWith("Get-", StringComparison.OrdinalIgnoreCase)
            ? "so it would have run as if nothing had been piped and listed everything, once for each piped object"
            : "so it would have run as if nothing had been piped, once for each piped object";
        var set = cmdlet.ParameterSetName;
        // What the object carries that another parameter set would take: PowerShell picked this set because of the
        // parameters typed (one that is also in the default set wins), so those values went unused.
        var otherSets = FilledForOtherSets(input, set).Select(x => x.Parameter.Name).ToList();
        if (otherSets.Count > 0)
        {
            return new PasswordSafeException(ErrorIds.InputNotUsable,
                $"{command} could use nothing of the piped {what} but its session: it carries {Names(otherSets, "and")}, but with "
                + $"{ParametersGiven(input)} PowerShell bound it to the "
                + $"{set} parameter set, which does not take {(otherSets.Count == 1 ? "it" : "them")}; {effect}. The object was skipped.",
                $"Pass -{otherSets[0]} yourself for each object, for example ForEach-Object {{ {command} -{otherSets[0]} $_.{otherSets[0]} ... }}.");
        }

        string message;
        if (input.RecordIsModuleObject)
        {
            var ignored = notTaken.Count == 0 ? string.Empty
                : $" (it takes no {Names(notTaken.Select(p => p.Name), "or")} from objects the module returned: those are the server's values, not new ones)";
            message = $"{command} could use nothing of the piped {what} but its session{ignored}, {effect}. The object was skipped.";
        }
        else
        {
            // A row whose every value was empty, or one that brought only a Session column.
            message = $"{command} got no value it can use from the piped {what}, {effect}. The object was skipped.";
        }

        return new PasswordSafeException(ErrorIds.InputNotUsable, message, WhatToPipe(cmdlet, command, input));
    }

    /// <summary>What the cmdlet does take from the pipeline, and the alternative of passing parameters with the object's session.</summary>
    private static string WhatToPipe(PasswordSafeCmdlet cmdlet, string command, PipelineInput input)
    {
        var keys = cmdlet.ObjectKeyParameters;
        var byName = input.Parameters
            .Where(p => p.TakesPipelineInput && !p.IsPlumbing && !IsSession(p))
            .Where(p => keys == null || keys.Contains(p.Name, StringComparer.OrdinalIgnoreCase))
            .Select(p => p.Name)
            .ToList();
        var session = input.Parameter(SessionParameter);
        var takesSessions = session != null && session.ByValue(cmdlet.ParameterSetName);
        var hint = cmdlet.PipedInputHint == null ? string.Empty : " " + cmdlet.PipedInputHint;
        if (byName.Count == 0)
        {
            return takesSessions
                ? $"{command} takes only a session from the pipeline: pipe the session itself ($object.Session) or pass -Session $object.Session.{hint}"
                : $"{command} takes nothing from piped objects: run it on its own, with -Session $object.Session to use that object's session.{hint}";
        }

        return $"{command} takes {Names(byName, "or")} from piped objects: pipe objects that carry {(byName.Count == 1 ? "it" : "one of these")}, "
               + $"or pass the parameters yourself, with -Session $object.Session to use that object's session.{hint}";
    }

    private static PasswordSafeException ValueNotTakenFromObject(string command, PSObject? record, PipelineParameter parameter, IReadOnlyCollection<string> keys)
    {
        var ids = keys.Count == 0 ? "nothing but its session" : $"only {Names(keys, "and")} and its session";
        return new PasswordSafeException(ErrorIds.InputNotUsable,
            $"{command} takes {ids} from objects the module returned, so the piped {Describe(record)} does not give -{parameter.Name}: "
            + "its properties are the server's values, not new ones. The object was skipped.",
            $"Pass -{parameter.Name} yourself, or pipe rows that carry it (Import-Csv, or Select-Object to pick the values to send).");
    }

    private static PasswordSafeException SessionGivesOnlyItself(string command, PSObject? record, PipelineParameter parameter) =>
        new PasswordSafeException(ErrorIds.InputNotUsable,
            $"A piped Password Safe session ({Describe(record)}) gives {command} only -Session: its Id and UserId are the session's, "
            + $"not the -{parameter.Name} to act on. The object was skipped.",
            $"Pass -{parameter.Name} yourself, with -Session for the session to use.");

    private static PasswordSafeException NoValueOnObject(string command, PSObject? record, string property, PipelineParameter parameter) =>
        new PasswordSafeException(ErrorIds.InputNotUsable,
            $"The piped {Describe(record)} has no {property}, and {command} needs -{parameter.Name} from it. The object was skipped.",
            $"Pipe objects that have a {property}, or pass -{parameter.Name} yourself.");

    private static PasswordSafeException BlankMandatory(string command, string column, PipelineParameter parameter) =>
        new PasswordSafeException(ErrorIds.ValidationFailed,
            $"The piped row's {column} is empty, and {command} needs -{parameter.Name}. The row was skipped.",
            $"Fill in {column} in that row, or pass -{parameter.Name} for every row.");

    private static PasswordSafeException Unconverted(PSPropertyInfo source, PipelineParameter parameter)
    {
        // A secret's text never goes into a message.
        var value = parameter.IsSecret ? string.Empty : $" value '{Text(source.Value)}'";
        return new PasswordSafeException(ErrorIds.ValidationFailed,
            $"The piped row's {source.Name}{value} cannot be used for -{parameter.Name}, which takes {Expected(parameter.Type)}. The row was skipped.",
            parameter.IsSecret
                ? $"Convert {source.Name} to a SecureString before piping the rows (ConvertTo-SecureString), or pass -{parameter.Name}."
                : $"Correct {source.Name} in that row, or leave the cell empty to leave -{parameter.Name} out.");
    }

    private static string Expected(Type type)
    {
        var element = type.IsArray ? type.GetElementType()! : Nullable.GetUnderlyingType(type) ?? type;
        if (element == typeof(int) || element == typeof(long))
        {
            return type.IsArray ? "whole numbers" : "a whole number";
        }

        if (element == typeof(bool) || element == typeof(SwitchParameter))
        {
            return "True or False (or 1 and 0)";
        }

        if (element == typeof(DateTime) || element == typeof(DateTimeOffset))
        {
            return "a date and time";
        }

        return element == typeof(SecureString) ? "a SecureString, not text" : "a " + element.Name;
    }

    private static string Text(object? value)
    {
        var bare = value is PSObject wrapped ? wrapped.BaseObject : value;
        var text = Convert.ToString(bare, CultureInfo.InvariantCulture) ?? string.Empty;
        return text.Length > 60 ? TextPreview.Prefix(text, 57) + "..." : text;
    }

    /// <summary>The piped object as a message names it: its type and name, or "row" for an Import-Csv or Select-Object row.</summary>
    private static string Describe(PSObject? record)
    {
        if (record == null)
        {
            return "object";
        }

        var type = record.TypeNames.FirstOrDefault() ?? record.BaseObject.GetType().FullName!;
        if (record.BaseObject is PSCustomObject && !type.StartsWith("Deserialized.", StringComparison.Ordinal))
        {
            return "row";
        }

        var name = record.BaseObject.ToString();
        return string.IsNullOrEmpty(name) || name == type ? type : $"{type} '{name}'";
    }

    /// <summary>"A, B and C".</summary>
    internal static string Names(IEnumerable<string> names, string conjunction)
    {
        var list = names.ToList();
        return list.Count <= 1 ? string.Join(string.Empty, list) : string.Join(", ", list.Take(list.Count - 1)) + $" {conjunction} " + list[list.Count - 1];
    }
}
