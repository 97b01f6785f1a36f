using System;
using System.Linq;
using System.Xml.Linq;
using PasswordSafe.Commands;
using Xunit;

namespace PasswordSafe.UnitTests.Module;

/// <summary>
/// Users filter on what a table shows them (<c>Where-Object SystemId -eq 5</c>). A header spelled like a property of
/// some module object must therefore be a property of the rows it heads: otherwise the filter silently matches
/// nothing (a managed system's id column once read "SystemId", which is a managed account's property, not a system's).
/// </summary>
public class TableViewHeaderTests
{
    [Fact]
    public void AHeaderSpelledLikeAModuleProperty_IsAPropertyOfItsRows()
    {
        var module = typeof(PasswordSafeCmdlet).Assembly;
        var outputTypes = module.GetExportedTypes().Where(t => t.Namespace == "PasswordSafe" && t.IsClass).ToList();
        var propertyNames = outputTypes.SelectMany(t => t.GetProperties()).Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var misleading = (from view in XDocument.Load(FormatDataFile.Path()).Descendants("View")
                          where view.Element("TableControl") != null
                          let rows = view.Element("ViewSelectedBy")!.Elements("TypeName").Select(n => module.GetType(n.Value)).First(t => t != null)!
                          from header in view.Descendants("TableColumnHeader")
                          let label = header.Element("Label")!.Value
                          where propertyNames.Contains(label) && rows.GetProperty(label) == null
                          select $"{view.Element("Name")!.Value}: '{label}' is not a property of {rows.Name}").ToList();

        Assert.True(misleading.Count == 0, string.Join("; ", misleading));
    }
}
