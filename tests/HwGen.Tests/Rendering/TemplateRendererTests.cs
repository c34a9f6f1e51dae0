using HwGen.Rendering;

namespace HwGen.Tests.Rendering;

public class TemplateRendererTests
{
    private sealed record PortView(string Name, string Width);

    private sealed record RomView(string Module, int Depth, IReadOnlyList<PortView> Ports, string Comment, bool Registered);

    private static readonly RomView Rom = new("wte_rom", 432,
        [new PortView("clk_i", "1"), new PortView("data_o", "16")], "a < b && c > 'd' \"q\"", true);

    [Test]
    public void RendersValuesAndIterationWithoutEscaping()
    {
        const string template = "module {{Module}} // {{Comment}}\n{{#each Ports}}{{Name}}:{{Width}}{{#unless @last}}, {{/unless}}{{/each}}\n{{#if Registered}}reg{{/if}} {{Depth}}\n";
        var text = TemplateRenderer.RenderText("rom.sv.hbs", template, Rom);
        Assert.That(text, Is.EqualTo("module wte_rom // a < b && c > 'd' \"q\"\nclk_i:1, data_o:16\nreg 432\n"));
    }

    [Test]
    public void AnUnknownNameIsAnErrorNamingTemplateAndLine()
    {
        const string template = "module {{Module}};\n  localparam int Depth = {{Depth}};\n  localparam int Width = {{Widht}};\nendmodule\n";
        var e = Assert.Throws<HwGenException>(() => TemplateRenderer.RenderText("hdl-templates/rom.sv.hbs", template, Rom));
        Assert.That(e!.Message, Is.EqualTo("Template hdl-templates/rom.sv.hbs line 3: 'Widht' is not defined by the view model RomView. Add it to the view model or fix the template."));
    }

    [Test]
    public void AnUnknownNameInsideALoopOrBlockIsAnError()
    {
        var inLoop = Assert.Throws<HwGenException>(() => TemplateRenderer.RenderText("t.sv.hbs", "x\n{{#each Ports}}\n{{Name}} {{Size}}\n{{/each}}\n", Rom));
        Assert.That(inLoop!.Message, Is.EqualTo("Template t.sv.hbs line 3: 'Size' is not defined by the view model RomView. Add it to the view model or fix the template."));
        var inIf = Assert.Throws<HwGenException>(() => TemplateRenderer.RenderText("t.sv.hbs", "{{#if Missing}}x{{/if}}", Rom));
        Assert.That(inIf!.Message, Does.StartWith("Template t.sv.hbs line 1: 'Missing' is not defined"));
        var path = Assert.Throws<HwGenException>(() => TemplateRenderer.RenderText("t.sv.hbs", "{{Module.Length}}\n{{Ports.Nope}}", Rom));
        Assert.That(path!.Message, Does.StartWith("Template t.sv.hbs line 2: 'Ports.Nope' is not defined"));
    }

    [Test]
    public void ABooleanIsNeverPrinted()
    {
        var e = Assert.Throws<HwGenException>(() => TemplateRenderer.RenderText("t.sv.hbs", "assign x = {{Registered}};", Rom));
        Assert.That(e!.Message, Is.EqualTo("Template t.sv.hbs: a boolean (True) was printed; booleans only steer {{#if}}. Give the view model a string such as \"1'b1\"."));
    }

    [Test]
    public void AMalformedTemplateNamesTheTemplateAndPosition()
    {
        var unclosed = Assert.Throws<HwGenException>(() => TemplateRenderer.RenderText("t.sv.hbs", "line one\nline {{Module", Rom));
        Assert.That(unclosed!.Message, Is.EqualTo("Template t.sv.hbs: Reached end of template before the expression was closed at line 2, column 14. Fix the template."));
        var mismatched = Assert.Throws<HwGenException>(() => TemplateRenderer.RenderText("t.sv.hbs", "{{#each Ports}}\n{{/if}}", Rom));
        Assert.That(mismatched!.Message, Is.EqualTo("Template t.sv.hbs: A closing element '/if' was found without a matching open element. Fix the template."));
    }

    [Test]
    public void TemplatesAreReadFromTheirFolder()
    {
        var folder = TestPaths.NewTempDir("templates");
        Directory.CreateDirectory(Path.Combine(folder, "rom"));
        File.WriteAllText(Path.Combine(folder, "rom", "rom.sv.hbs"), "module {{Module}};\nendmodule\n");
        var renderer = new TemplateRenderer(folder, "hdl-templates");
        Assert.That(renderer.Render("rom/rom.sv.hbs", Rom), Is.EqualTo("module wte_rom;\nendmodule\n"));
        var missing = Assert.Throws<HwGenException>(() => renderer.Render("nope.sv.hbs", Rom));
        Assert.That(missing!.Message, Is.EqualTo($"Template hdl-templates/nope.sv.hbs does not exist in {folder}."));
        File.WriteAllText(Path.Combine(folder, "bad.sv.hbs"), "a\nb {{Depht}}\n");
        var bad = Assert.Throws<HwGenException>(() => renderer.Render("bad.sv.hbs", Rom));
        Assert.That(bad!.Message, Does.StartWith("Template hdl-templates/bad.sv.hbs line 2: 'Depht' is not defined"));
    }

    [Test]
    public void FilesStartingWithAnUnderscoreArePartials()
    {
        var folder = TestPaths.NewTempDir("partials");
        File.WriteAllText(Path.Combine(folder, "_ports.sv.hbs"), "{{#each Ports}}  {{Name}}{{#unless @last}},{{/unless}}\n{{/each}}");
        File.WriteAllText(Path.Combine(folder, "top.sv.hbs"), "module {{Module}} (\n{{> ports}});\n");
        File.WriteAllText(Path.Combine(folder, "bad.sv.hbs"), "{{> ports}} {{> nope}}\n");
        var renderer = new TemplateRenderer(folder, "hdl-templates");
        Assert.That(renderer.Render("top.sv.hbs", Rom), Is.EqualTo("module wte_rom (\n  clk_i,\n  data_o\n);\n"));
        var missing = Assert.Throws<HwGenException>(() => renderer.Render("bad.sv.hbs", Rom));
        Assert.That(missing!.Message, Does.StartWith("Template hdl-templates/bad.sv.hbs: "));
        Assert.That(missing.Message, Does.Contain("nope"));

        File.WriteAllText(Path.Combine(folder, "_wires.sv.hbs"), "\n\n{{#each Ports}}{{Nme}}{{/each}}");
        File.WriteAllText(Path.Combine(folder, "uses_wires.sv.hbs"), "{{> wires}}");
        var e = Assert.Throws<HwGenException>(() => new TemplateRenderer(folder, "hdl-templates").Render("uses_wires.sv.hbs", Rom));
        Assert.That(e!.Message, Does.StartWith("Template hdl-templates/_wires.sv.hbs line 3: 'Nme' is not defined"));
    }

    [Test]
    public void TheOverrideVariableSelectsTheTemplateRoot()
    {
        var root = TestPaths.NewTempDir("template-root");
        Directory.CreateDirectory(Path.Combine(root, "sim"));
        Assert.That(TemplateFolders.Find("sim", name => name == "HWGEN_TEMPLATES" ? root : null), Is.EqualTo(Path.Combine(root, "sim")));
        var e = Assert.Throws<HwGenException>(() => TemplateFolders.Find("hdl-templates", name => name == "HWGEN_TEMPLATES" ? root : null));
        Assert.That(e!.Message, Is.EqualTo($"HWGEN_TEMPLATES is '{root}' but it holds no 'hdl-templates' folder. Point it at the HwGen source tree (the folder with hdl-templates/) or unset it."));
    }

    [TestCase("hdl-templates")]
    [TestCase("sim")]
    public void TheTemplateFoldersShipWithTheProgram(string folder)
    {
        var source = Path.Combine(TestPaths.RepoRoot, folder);
        Assume.That(Directory.Exists(source) && Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).Any(), Is.True,
            $"{folder}/ has no templates yet in this tree");
        var shipped = TemplateFolders.Find(folder, _ => null);
        Assert.That(shipped, Is.EqualTo(Path.Combine(AppContext.BaseDirectory, folder)));
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(shipped, Path.GetRelativePath(source, file));
            Assert.That(File.Exists(copy), Is.True, $"{file} is not shipped");
            Assert.That(File.ReadAllBytes(copy), Is.EqualTo(File.ReadAllBytes(file)), $"{copy} is stale");
        }
    }
}
