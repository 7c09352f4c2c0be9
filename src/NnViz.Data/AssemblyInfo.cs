namespace NnViz.Data;
